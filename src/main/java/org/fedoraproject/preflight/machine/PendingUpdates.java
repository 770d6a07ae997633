package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the package manager would update, as of its cached metadata. {@code metadataTime} is when
 * that metadata was last downloaded, when it can be told.
 */
public record PendingUpdates(List<PendingUpdate> updates, Optional<Instant> metadataTime) {

    public PendingUpdates {
        updates = List.copyOf(updates);
        Objects.requireNonNull(metadataTime, "metadataTime");
    }
}
