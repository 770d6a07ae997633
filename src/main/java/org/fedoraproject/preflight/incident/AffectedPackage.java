package org.fedoraproject.preflight.incident;

import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.rpm.VersionRange;

/**
 * A binary package an incident affects: versions from {@code introduced} up to (not including)
 * {@code fixed}, and {@code lastGood}, the version to go back to.
 */
public record AffectedPackage(String name, VersionRange range, Optional<Evr> lastGood) {

    public AffectedPackage {
        PackageName.check(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(lastGood, "lastGood");
    }

    public Evr introduced() {
        return range.introduced();
    }

    public Optional<Evr> fixed() {
        return range.fixed();
    }
}
