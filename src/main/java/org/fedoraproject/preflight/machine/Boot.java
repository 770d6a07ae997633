package org.fedoraproject.preflight.machine;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * Which versions of the installonly packages are in use. dnf installs a new version of an
 * installonly package (the kernel, by default {@code installonlypkgs}) beside the old ones and
 * keeps {@code installonly_limit} of them; what matters is the kernel that runs now and the one
 * that boots by default, not which versions are installed.
 *
 * <p>Kernels are named by their release as {@code uname -r} prints it and boot entries carry it
 * ({@code 6.17.7-300.fc43.x86_64}: version-release.arch of kernel-core). {@code running} is
 * unknown for a system inspected under {@code --root}; {@code defaultKernel} comes from
 * {@code defaultFrom} (grubby, the boot loader's saved entry, the newest boot entry).
 */
public record Boot(Reading<Set<String>> installonly, Optional<String> running, Optional<String> defaultKernel,
                   String defaultFrom) {

    /** Nothing known: no package is treated as installonly, no kernel as running or default. */
    public static final Boot UNKNOWN = new Boot(Reading.of(Set.of()), Optional.empty(), Optional.empty(), "");

    public Boot {
        Objects.requireNonNull(installonly, "installonly");
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(defaultKernel, "defaultKernel");
        Objects.requireNonNull(defaultFrom, "defaultFrom");
    }

    public boolean isInstallonly(String name) {
        return installonly.get().map(s -> s.contains(name)).orElse(false);
    }

    /** The kernel release of a package, as uname -r and boot entries name it. */
    public static String kernelRelease(Nevra nevra) {
        return nevra.evr().version() + "-" + nevra.evr().release() + "." + nevra.arch();
    }
}
