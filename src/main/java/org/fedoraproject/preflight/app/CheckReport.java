package org.fedoraproject.preflight.app;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.feed.FeedStatus;
import org.fedoraproject.preflight.guide.HoldAdvice;
import org.fedoraproject.preflight.machine.SystemSnapshot;

/**
 * What a check found: the system as read, each feed's state, the assessment, and the reasons the
 * check is incomplete ({@code cannotCheck}: not Fedora, no feed, no list of pending updates …).
 * An incomplete check still carries what could be assessed.
 */
public record CheckReport(SystemSnapshot system, String arch, List<FeedStatus> feeds, Assessment assessment,
                          List<HoldAdvice> holds, List<String> cannotCheck, List<String> warnings, Instant at) {

    public CheckReport {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(arch, "arch");
        feeds = List.copyOf(feeds);
        Objects.requireNonNull(assessment, "assessment");
        holds = List.copyOf(holds);
        cannotCheck = List.copyOf(cannotCheck);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(at, "at");
    }

    public boolean complete() {
        return cannotCheck.isEmpty();
    }

    /** When dnf last downloaded metadata, if known. */
    public Optional<Instant> metadataTime() {
        return system.pending().get().flatMap(p -> p.metadataTime());
    }
}
