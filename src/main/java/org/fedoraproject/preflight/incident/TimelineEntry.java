package org.fedoraproject.preflight.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One step of an incident's story: when, the status it reached (if it changed), and what happened. */
public record TimelineEntry(Instant at, Optional<IncidentStatus> status, String text) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }
}
