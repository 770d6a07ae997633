package org.fedoraproject.preflight.rpm;

import java.util.Objects;
import java.util.Optional;

/**
 * The versions an incident affects: {@code introduced <= evr < fixed} in rpm's order, open-ended
 * when no fix is known yet. {@code introducedKnown} is false when nobody said which version
 * brought the problem (evidence Preflight derived from a bug or a topic): the range then says
 * only that a problem is reported below the fix, never that a version in it is affected.
 */
public record VersionRange(Evr introduced, Optional<Evr> fixed, boolean introducedKnown) {

    /** Below every version rpm can order: where a range with no known start begins. */
    private static final Evr LOWEST = new Evr(0, "0", "0");

    public VersionRange {
        Objects.requireNonNull(introduced, "introduced");
        Objects.requireNonNull(fixed, "fixed");
        if (fixed.isPresent() && fixed.get().compareTo(introduced) <= 0) {
            throw new IllegalArgumentException(
                    "fixed version " + fixed.get() + " is not above introduced version " + introduced);
        }
    }

    /** A range whose first bad version is known, as a feed states it. */
    public VersionRange(Evr introduced, Optional<Evr> fixed) {
        this(introduced, fixed, true);
    }

    public static VersionRange from(Evr introduced) {
        return new VersionRange(introduced, Optional.empty());
    }

    public static VersionRange between(Evr introduced, Evr fixed) {
        return new VersionRange(introduced, Optional.of(fixed));
    }

    /**
     * A problem reported for every version below {@code fixed} (all, with no fix), not known since
     * which. It starts below epoch 0: a fix may bump the epoch to go back (1:1.14 after a bad 1.15).
     */
    public static VersionRange reportedBelow(Optional<Evr> fixed) {
        return new VersionRange(LOWEST, fixed, false);
    }

    /** Whether {@code fixed} can close a range with no known start. */
    public static boolean canBeFix(Evr fixed) {
        return fixed.compareTo(LOWEST) > 0;
    }

    /** A problem reported from {@code guess} on (a topic that names a pending update), not known since which version. */
    public static VersionRange reportedFrom(Evr guess) {
        return new VersionRange(guess, Optional.empty(), false);
    }

    public boolean contains(Evr evr) {
        return evr.compareTo(introduced) >= 0 && (fixed.isEmpty() || evr.compareTo(fixed.get()) < 0);
    }

    @Override
    public String toString() {
        if (!introducedKnown) {
            return fixed.map(f -> "below " + f + ", not known since which version").orElse("not known which versions");
        }
        return "from " + introduced + fixed.map(f -> ", fixed in " + f).orElse(", no fix yet");
    }
}
