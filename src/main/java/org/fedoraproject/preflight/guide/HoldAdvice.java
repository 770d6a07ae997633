package org.fedoraproject.preflight.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.rpm.PackageName;

/**
 * What to do with a package held by versionlock: keep it while an incident that names it is
 * open, release it once every such incident is resolved. Holds whose package no incident names
 * are left alone: Preflight did not suggest them. (dnf cannot put an incident id into the
 * comment of a versionlock entry, so holds are matched to incidents by package name.)
 */
public record HoldAdvice(String name, List<String> openIncidents, List<String> resolvedIncidents,
                         Optional<ShellCommand> release) {

    public HoldAdvice {
        Objects.requireNonNull(name, "name");
        openIncidents = List.copyOf(openIncidents);
        resolvedIncidents = List.copyOf(resolvedIncidents);
        Objects.requireNonNull(release, "release");
    }

    public boolean canRelease() {
        return release.isPresent();
    }

    public static List<HoldAdvice> of(Set<String> held, List<SourcedIncident> incidents, PackageManager manager,
                                      Optional<String> installRoot) {
        List<HoldAdvice> advice = new ArrayList<>();
        for (String name : new TreeSet<>(held)) {
            List<String> open = new ArrayList<>();
            List<String> resolved = new ArrayList<>();
            for (SourcedIncident si : incidents) {
                Incident i = si.incident();
                if (i.affected().stream().map(AffectedPackage::name).anyMatch(name::equals)) {
                    (i.status().isOpen() ? open : resolved).add(i.id());
                }
            }
            if (open.isEmpty() && resolved.isEmpty()) {
                continue;
            }
            Optional<ShellCommand> release = Optional.empty();
            if (open.isEmpty() && manager != PackageManager.RPM_OSTREE) {
                release = Optional.of(DnfCommand.of(manager, installRoot,
                        List.of("versionlock", "delete", PackageName.check(name))));
            }
            advice.add(new HoldAdvice(name, open, resolved, release));
        }
        return advice;
    }
}
