package org.fedoraproject.preflight.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.PackageName;

/**
 * What to do with a package held by versionlock. A lock that keeps a good version while an
 * incident that names the package is open: keep it; once every such incident is resolved,
 * release it. A lock that keeps an <em>affected</em> version ({@code pinsAffected}) is no
 * protection: it hides the fix from dnf ({@code hiddenFix}, when the repositories have one) and
 * blocks the way back, so it is to be deleted first, whatever the incident's status. Holds of
 * packages no incident names are left alone: Preflight did not suggest them. (dnf cannot put an
 * incident id into a versionlock entry, so holds are matched to incidents by package name.)
 */
public record HoldAdvice(String name, List<String> openIncidents, List<String> resolvedIncidents,
                         List<String> pinsAffected, Optional<Evr> hiddenFix, Optional<ShellCommand> release) {

    public HoldAdvice {
        Objects.requireNonNull(name, "name");
        openIncidents = List.copyOf(openIncidents);
        resolvedIncidents = List.copyOf(resolvedIncidents);
        pinsAffected = List.copyOf(pinsAffected);
        Objects.requireNonNull(hiddenFix, "hiddenFix");
        Objects.requireNonNull(release, "release");
    }

    public boolean canRelease() {
        return release.isPresent();
    }

    /** The held names whose lock keeps an installed version in an incident's range: ask which versions the repositories have. */
    public static Set<String> pinningAffected(VersionLocks locks, List<InstalledPackage> installed, List<SourcedIncident> incidents) {
        Set<String> names = new TreeSet<>();
        for (SourcedIncident si : incidents) {
            for (AffectedPackage range : si.incident().affected()) {
                if (locks.holds(range.name()) && !pins(locks, range, installed).isEmpty()) {
                    names.add(range.name());
                }
            }
        }
        return names;
    }

    public static List<HoldAdvice> of(VersionLocks locks, List<InstalledPackage> installed, List<SourcedIncident> incidents,
                                      Map<String, Set<Evr>> available, PackageManager manager, Optional<String> installRoot) {
        Set<String> names = new TreeSet<>();
        incidents.forEach(si -> si.incident().affected().stream().map(AffectedPackage::name)
                .filter(locks::holds).forEach(names::add));
        List<HoldAdvice> advice = new ArrayList<>();
        for (String name : names) {
            List<String> open = new ArrayList<>();
            List<String> resolved = new ArrayList<>();
            List<String> pinned = new ArrayList<>();
            List<AffectedPackage> pinnedRanges = new ArrayList<>();
            for (SourcedIncident si : incidents) {
                Incident i = si.incident();
                for (AffectedPackage range : i.affected()) {
                    if (!range.name().equals(name)) {
                        continue;
                    }
                    (i.status().isOpen() ? open : resolved).add(i.id());
                    if (!pins(locks, range, installed).isEmpty()) {
                        pinned.add(i.id());
                        pinnedRanges.add(range);
                    }
                }
            }
            Optional<Evr> newestInstalled = installed.stream().filter(p -> p.nevra().name().equals(name))
                    .map(p -> p.nevra().evr()).max(Evr::compareTo);
            Optional<Evr> hidden = available.getOrDefault(name, Set.of()).stream()
                    .filter(v -> pinnedRanges.stream().noneMatch(r -> r.range().contains(v)))
                    .filter(v -> newestInstalled.map(v::isNewerThan).orElse(true))
                    .filter(v -> !locks.allows(name, v, ""))
                    .max(Evr::compareTo);
            Optional<ShellCommand> release = Optional.empty();
            if ((open.isEmpty() || !pinned.isEmpty()) && manager != PackageManager.RPM_OSTREE) {
                release = Optional.of(DnfCommand.of(manager, installRoot, List.of("versionlock", "delete", PackageName.check(name))));
            }
            advice.add(new HoldAdvice(name, dedupe(open), dedupe(resolved), dedupe(pinned), pinned.isEmpty() ? Optional.empty() : hidden,
                    release));
        }
        return advice;
    }

    /** The installed packages of the range's name that are in the range and that the locks keep. */
    private static List<InstalledPackage> pins(VersionLocks locks, AffectedPackage range, List<InstalledPackage> installed) {
        return installed.stream().filter(p -> p.nevra().name().equals(range.name()) && range.range().contains(p.nevra().evr())
                && locks.allows(range.name(), p.nevra().evr(), p.nevra().arch())).toList();
    }

    private static List<String> dedupe(List<String> ids) {
        return ids.stream().distinct().toList();
    }
}
