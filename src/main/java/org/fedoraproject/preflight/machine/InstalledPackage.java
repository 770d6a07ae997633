package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.Objects;
import org.fedoraproject.preflight.rpm.Nevra;

/** A package in the rpm database, with the time rpm installed it. */
public record InstalledPackage(Nevra nevra, Instant installTime) {

    public InstalledPackage {
        Objects.requireNonNull(nevra, "nevra");
        Objects.requireNonNull(installTime, "installTime");
    }
}
