package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An rpm-ostree deployment: a bootable image of the whole system. {@code layered} are the
 * packages the user added on top of the image, {@code overrides} the base packages replaced
 * ({@code rpm-ostree override replace}).
 */
public record Deployment(String id, String checksum, String version, Instant timestamp, boolean booted,
                         boolean staged, boolean pinned, List<String> layered, List<String> overrides) {

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timestamp, "timestamp");
        layered = List.copyOf(layered);
        overrides = List.copyOf(overrides);
    }

    /** The first ten characters of the commit, as rpm-ostree status shows it. */
    public String shortChecksum() {
        return checksum.length() > 10 ? checksum.substring(0, 10) : checksum;
    }
}
