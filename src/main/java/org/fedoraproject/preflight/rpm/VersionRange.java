package org.fedoraproject.preflight.rpm;

import java.util.Objects;
import java.util.Optional;

/**
 * The versions an incident affects: {@code introduced <= evr < fixed} in rpm's order, open-ended
 * when no fix is known yet.
 */
public record VersionRange(Evr introduced, Optional<Evr> fixed) {

    public VersionRange {
        Objects.requireNonNull(introduced, "introduced");
        Objects.requireNonNull(fixed, "fixed");
        if (fixed.isPresent() && fixed.get().compareTo(introduced) <= 0) {
            throw new IllegalArgumentException(
                    "fixed version " + fixed.get() + " is not above introduced version " + introduced);
        }
    }

    public static VersionRange from(Evr introduced) {
        return new VersionRange(introduced, Optional.empty());
    }

    public static VersionRange between(Evr introduced, Evr fixed) {
        return new VersionRange(introduced, Optional.of(fixed));
    }

    public boolean contains(Evr evr) {
        return evr.compareTo(introduced) >= 0 && (fixed.isEmpty() || evr.compareTo(fixed.get()) < 0);
    }

    @Override
    public String toString() {
        return "from " + introduced + fixed.map(f -> ", fixed in " + f).orElse(", no fix yet");
    }
}
