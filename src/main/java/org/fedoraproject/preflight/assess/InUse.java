package org.fedoraproject.preflight.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.InstalledPackage;

/**
 * Which installed versions of an installonly package count. dnf keeps several kernels side by
 * side; the system is affected by the one it runs and the one it boots by default, not by an
 * older one kept as a fallback. Versions whose kernel release is the running or the default
 * kernel are in use; when neither is known for any version of the name (a package not tied to
 * a boot entry, or nothing known of the boot), the newest installed version of each arch is.
 */
final class InUse {

    private InUse() {
    }

    static List<InstalledPackage> of(List<InstalledPackage> versions, Boot boot) {
        List<InstalledPackage> tied = versions.stream().filter(p -> role(p, boot).isPresent()).toList();
        if (!tied.isEmpty()) {
            return tied;
        }
        Map<String, Optional<InstalledPackage>> newest = versions.stream().collect(Collectors.groupingBy(
                p -> p.nevra().arch(), Collectors.maxBy(Comparator.comparing((InstalledPackage p) -> p.nevra().evr()))));
        List<InstalledPackage> inUse = new ArrayList<>();
        newest.values().forEach(p -> p.ifPresent(inUse::add));
        return inUse;
    }

    /** "is running", "boots by default (the newest boot entry)", both, or nothing. */
    static Optional<String> role(InstalledPackage p, Boot boot) {
        String release = Boot.kernelRelease(p.nevra());
        boolean running = boot.running().filter(release::equals).isPresent();
        boolean byDefault = boot.defaultKernel().filter(release::equals).isPresent();
        if (running && byDefault) {
            return Optional.of("is running and boots by default");
        }
        if (running) {
            return Optional.of("is running");
        }
        return byDefault ? Optional.of("boots by default (" + boot.defaultFrom() + ")") : Optional.empty();
    }
}
