package org.fedoraproject.preflight.guide;

import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.VersionLocks;

/** The system as read again after a step, for the step's checks. */
public record Observed(List<InstalledPackage> installed, VersionLocks locks, List<Deployment> deployments, Boot boot) {

    public Observed {
        installed = List.copyOf(installed);
        Objects.requireNonNull(locks, "locks");
        deployments = List.copyOf(deployments);
        Objects.requireNonNull(boot, "boot");
    }

    public static Observed of(List<InstalledPackage> installed) {
        return new Observed(installed, VersionLocks.NONE, List.of(), Boot.UNKNOWN);
    }
}
