package org.fedoraproject.preflight.assess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;

/**
 * What the assessment needs to know of the system, taken from a snapshot; {@code since} finds
 * the transactions that brought the packages found affected.
 */
public record SystemFacts(String release, String variant, String arch, List<InstalledPackage> installed,
                          List<PendingUpdate> pending, SinceLookup since, Boot boot) {

    /** Facts without boot information: no package is treated as installonly. */
    public SystemFacts(String release, String variant, String arch, List<InstalledPackage> installed,
                       List<PendingUpdate> pending, SinceLookup since) {
        this(release, variant, arch, installed, pending, since, Boot.UNKNOWN);
    }

    public SystemFacts {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(arch, "arch");
        installed = List.copyOf(installed);
        pending = List.copyOf(pending);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(boot, "boot");
    }

    /**
     * The machine's arch, read off its packages: that of the kernel or glibc, else the most
     * common arch that is not noarch. Works for a root of another arch too, unlike the JVM's.
     */
    public static String archOf(List<InstalledPackage> installed) {
        Map<String, Integer> counts = new HashMap<>();
        for (InstalledPackage p : installed) {
            String name = p.nevra().name();
            String arch = p.nevra().arch();
            if (name.equals("kernel-core") || name.equals("glibc") || name.equals("filesystem")) {
                if (!arch.equals("noarch") && !arch.equals("i686")) {
                    return arch;
                }
            }
            if (!arch.equals("noarch")) {
                counts.merge(arch, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("noarch");
    }
}
