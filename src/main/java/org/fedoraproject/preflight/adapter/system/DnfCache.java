package org.fedoraproject.preflight.adapter.system;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Preflight's own copy of dnf's repository metadata, which the user may refresh without root
 * ({@code check --refresh}): {@code host} is where Preflight reads it, {@code command} the same
 * directory as dnf's commands see it (they differ for a test's chroot). dnf never writes the
 * system's cache for it.
 */
public record DnfCache(Path host, String command) {

    public DnfCache {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(command, "command");
    }

    /** When its metadata was downloaded (the oldest repository's), if it has any. */
    public Optional<Instant> metadataTime() {
        return MetadataAge.of(host);
    }
}
