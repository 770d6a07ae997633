package org.fedoraproject.preflight.desk;

import java.util.List;
import java.util.function.Supplier;

/** What the desk commands use of Fedora's sources, wired by the composition root. */
public record DeskTools(Drafts drafts, Hindsight hindsight, Triage triage, Supplier<List<String>> currentReleases) {
}
