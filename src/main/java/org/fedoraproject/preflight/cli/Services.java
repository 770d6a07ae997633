package org.fedoraproject.preflight.cli;

import java.time.Clock;
import java.time.ZoneId;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.Inspection;
import org.fedoraproject.preflight.app.XdgDirs;

/** What the terminal commands use, wired by the composition root. */
public record Services(Inspection inspection, CheckService check, XdgDirs dirs, Clock clock, ZoneId zone) {
}
