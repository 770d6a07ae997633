package org.fedoraproject.preflight.cli;

import java.time.Clock;
import java.time.ZoneId;
import org.fedoraproject.preflight.app.Inspection;

/** What the terminal commands use, wired by the composition root. */
public record Services(Inspection inspection, Clock clock, ZoneId zone) {
}
