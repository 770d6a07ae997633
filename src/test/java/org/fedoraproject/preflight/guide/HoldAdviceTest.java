package org.fedoraproject.preflight.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.junit.jupiter.api.Test;

class HoldAdviceTest {

    static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    static SourcedIncident incident(String id, IncidentStatus status, String name, String introduced, String fixed) {
        VersionRange range = new VersionRange(Evr.parse(introduced), Optional.ofNullable(fixed).map(Evr::parse));
        return new SourcedIncident(new Incident(id, id, "", status, Severity.MAJOR, T, T,
                status == IncidentStatus.RESOLVED ? Optional.of(T) : Optional.empty(), List.of(), List.of(), List.of(),
                List.of(new AffectedPackage(name, range, Optional.empty())), List.of(), Fix.NONE,
                List.of(), List.of(), List.of()), "test", List.of());
    }

    /** dnf5's `versionlock add NAME` on an installed NAME-EVR. */
    static VersionLocks.Entry lock(String name, String evr) {
        return new VersionLocks.Entry(name, List.of(new VersionLocks.Condition("evr", "=", evr)), false, name);
    }

    static List<InstalledPackage> installed(String... nevras) {
        return Arrays.stream(nevras).map(n -> new InstalledPackage(Nevra.parse(n), T)).toList();
    }

    @Test
    void keepWhileOpenReleaseWhenResolvedIgnoreOthers() {
        VersionLocks locks = new VersionLocks(VersionLocks.Flavour.DNF5, List.of(lock("kernel-core", "0:6.17.5-300.fc43"),
                lock("mesa-dri-drivers", "0:25.1.2-1.fc43"), lock("wget", "0:1.25-1.fc43")));
        List<InstalledPackage> mine = installed("kernel-core-6.17.5-300.fc43.x86_64", "mesa-dri-drivers-25.1.2-1.fc43.x86_64",
                "wget-1.25-1.fc43.x86_64");
        List<HoldAdvice> advice = HoldAdvice.of(locks, mine,
                List.of(incident("K", IncidentStatus.IDENTIFIED, "kernel-core", "6.17.7-300.fc43", null),
                        incident("M", IncidentStatus.RESOLVED, "mesa-dri-drivers", "25.1.4-1.fc43", "25.1.6-1.fc43")),
                Map.of(), PackageManager.DNF5, Optional.empty());
        assertEquals(2, advice.size(), "wget is held for reasons of the user's own");
        assertEquals(List.of("K"), advice.get(0).openIncidents());
        assertEquals(false, advice.get(0).canRelease());
        assertEquals(List.of(), advice.get(0).pinsAffected(), "the lock keeps the good 6.17.5");
        assertEquals("sudo dnf5 versionlock delete mesa-dri-drivers", advice.get(1).release().orElseThrow().display());
    }

    @Test
    void aLockOnTheBadVersionIsNoProtectionAndHidesTheFix() {
        VersionLocks locks = new VersionLocks(VersionLocks.Flavour.DNF5, List.of(lock("mesa-dri-drivers", "0:25.1.4-1.fc43")));
        List<InstalledPackage> mine = installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64");
        List<SourcedIncident> open = List.of(incident("M", IncidentStatus.IDENTIFIED, "mesa-dri-drivers", "25.1.4-1.fc43",
                "25.1.6-1.fc43"));
        assertEquals(Set.of("mesa-dri-drivers"), HoldAdvice.pinningAffected(locks, mine, open));
        HoldAdvice advice = HoldAdvice.of(locks, mine, open, Map.of("mesa-dri-drivers", Set.of(Evr.parse("25.1.2-1.fc43"),
                Evr.parse("25.1.4-1.fc43"), Evr.parse("25.1.6-1.fc43"))), PackageManager.DNF5, Optional.empty()).get(0);
        assertEquals(List.of("M"), advice.pinsAffected());
        assertEquals(Optional.of(Evr.parse("25.1.6-1.fc43")), advice.hiddenFix());
        assertEquals("sudo dnf5 versionlock delete mesa-dri-drivers", advice.release().orElseThrow().display(),
                "to be deleted while the incident is still open");
    }

    @Test
    void anExcludeOfOneVersionIsNotAHold() {
        VersionLocks locks = new VersionLocks(VersionLocks.Flavour.DNF5, List.of(new VersionLocks.Entry("kernel-core",
                List.of(new VersionLocks.Condition("evr", "!=", "0:6.17.6-300.fc43")), false, "kernel-core")));
        assertEquals(List.of(), HoldAdvice.of(locks, installed("kernel-core-6.17.5-300.fc43.x86_64"),
                List.of(incident("K", IncidentStatus.IDENTIFIED, "kernel-core", "6.17.6-300.fc43", "6.17.7-300.fc43")),
                Map.of(), PackageManager.DNF5, Optional.empty()));
    }
}
