package org.fedoraproject.preflight.guide;

import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.VersionRange;

/** What must be true on the system once a step is done; checked by reading the system again. */
public sealed interface Check {

    /** The package of this arch is installed at exactly this version. */
    record InstalledAt(String name, String arch, Evr evr) implements Check {
    }

    /** A package of this arch is installed at this version, beside other versions (an installonly package). */
    record Present(String name, String arch, Evr evr) implements Check {
    }

    /** No version of the package at this version-release is installed any more. */
    record Absent(String name, Evr evr) implements Check {
    }

    /** The machine runs this kernel ({@code uname -r}); unknown, so never done, for a system under a root. */
    record Running(String kernelRelease) implements Check {
    }

    /** The boot loader's default entry is this kernel. */
    record DefaultKernel(String kernelRelease) implements Check {
    }

    /** No installed version of the package lies in the range (removed, or moved past it). */
    record OutOfRange(String name, VersionRange range) implements Check {
    }

    /** A versionlock entry for the package exists. */
    record Held(String name) implements Check {
    }

    /** Versionlock keeps this one version of the package out (an exclude, not a lock on every version). */
    record Excluded(String name, Evr evr) implements Check {
    }

    /** No versionlock entry for the package is left. */
    record Released(String name) implements Check {
    }

    /** The rpm-ostree deployment with this commit is pinned. */
    record Pinned(String checksum) implements Check {
    }

    /** The system runs the rpm-ostree deployment with this commit (after the reboot a rollback needs). */
    record Booted(String checksum) implements Check {
    }
}
