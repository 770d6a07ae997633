package org.fedoraproject.preflight.incident;

import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.rpm.VersionRange;

/**
 * A binary package an incident affects: versions from {@code introduced} up to (not including)
 * {@code fixed}, and {@code lastGood}, the version to go back to. {@code source}: the source
 * package (rpm's {@code SOURCERPM} without its version), when the entry means every binary
 * package built from it (FEED-FORMAT.md, "Source packages").
 */
public record AffectedPackage(String name, VersionRange range, Optional<Evr> lastGood, Optional<String> source) {

    public AffectedPackage {
        PackageName.check(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(lastGood, "lastGood");
        Objects.requireNonNull(source, "source");
        source.ifPresent(PackageName::check);
    }

    /** A binary package's entry, with no source package named. */
    public AffectedPackage(String name, VersionRange range, Optional<Evr> lastGood) {
        this(name, range, lastGood, Optional.empty());
    }

    /** The same range and last good version for another binary package of the same source. */
    public AffectedPackage forBinary(String binary) {
        return new AffectedPackage(binary, range, lastGood, source);
    }

    public Evr introduced() {
        return range.introduced();
    }

    public Optional<Evr> fixed() {
        return range.fixed();
    }
}
