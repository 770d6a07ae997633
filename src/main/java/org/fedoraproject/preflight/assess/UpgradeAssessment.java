package org.fedoraproject.preflight.assess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.VersionLocks;

/**
 * Is it safe to upgrade to release N? After an upgrade every package is N's version, so an
 * incident of release N concerns this system when it names (as a binary or a source package) a
 * package installed here, whatever the version installed now. An open incident that would hold
 * an update (critical or major; a derived one only on strong evidence) says <em>wait</em>; any
 * other open one that concerns this system, or a versionlock entry (the upgrade keeps the
 * package back, or fails on it), <em>take care</em>; else <em>go ahead</em>.
 */
public record UpgradeAssessment(String target, Verdict verdict, List<Concern> concerns, List<String> locks) {

    /** What to do about the upgrade. */
    public enum Verdict {
        GO_AHEAD("go-ahead", 0), TAKE_CARE("take-care", 1), WAIT("wait", 2);

        private final String id;
        private final int exitCode;

        Verdict(String id, int exitCode) {
            this.id = id;
            this.exitCode = exitCode;
        }

        public String id() {
            return id;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** An incident of release N and the packages installed here that it names. */
    public record Concern(SourcedIncident incident, List<String> packagesHere, boolean holds) {
        public Concern {
            Objects.requireNonNull(incident, "incident");
            packagesHere = List.copyOf(packagesHere);
        }
    }

    public UpgradeAssessment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        concerns = List.copyOf(concerns);
        locks = List.copyOf(locks);
    }

    public static UpgradeAssessment assess(String target, List<SourcedIncident> incidents, List<InstalledPackage> installed,
                                           VersionLocks locks) {
        Map<String, Set<String>> bySource = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (InstalledPackage p : installed) {
            names.add(p.nevra().name());
            if (!p.source().isEmpty()) {
                bySource.computeIfAbsent(p.source(), s -> new TreeSet<>()).add(p.nevra().name());
            }
        }
        List<Concern> concerns = new ArrayList<>();
        for (SourcedIncident si : incidents) {
            Incident i = si.incident();
            if (!i.forRelease(target) || !i.status().isOpen()) {
                continue;
            }
            Set<String> here = new TreeSet<>();
            for (AffectedPackage a : i.affected()) {
                if (names.contains(a.name())) {
                    here.add(a.name());
                }
                here.addAll(bySource.getOrDefault(a.source().orElse(a.name()), Set.of()));
            }
            if (!here.isEmpty()) {
                concerns.add(new Concern(si, List.copyOf(here), i.severity().holds()));
            }
        }
        List<String> held = locks.entries().stream().map(VersionLocks.Entry::name).distinct().toList();
        Verdict verdict = concerns.stream().anyMatch(Concern::holds) ? Verdict.WAIT
                : !concerns.isEmpty() || !held.isEmpty() ? Verdict.TAKE_CARE : Verdict.GO_AHEAD;
        return new UpgradeAssessment(target, verdict, concerns, held);
    }
}
