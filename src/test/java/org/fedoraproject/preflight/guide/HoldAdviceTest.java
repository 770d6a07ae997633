package org.fedoraproject.preflight.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.junit.jupiter.api.Test;

class HoldAdviceTest {

    static SourcedIncident incident(String id, IncidentStatus status, String name) {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        return new SourcedIncident(new Incident(id, id, "", status, Severity.MAJOR, t, t,
                status == IncidentStatus.RESOLVED ? Optional.of(t) : Optional.empty(), List.of(), List.of(), List.of(),
                List.of(new AffectedPackage(name, VersionRange.from(Evr.parse("1-1")), Optional.empty())), List.of(), Fix.NONE,
                List.of(), List.of(), List.of()), "test", List.of());
    }

    @Test
    void keepWhileOpenReleaseWhenResolvedIgnoreOthers() {
        List<HoldAdvice> advice = HoldAdvice.of(Set.of("kernel-core", "mesa-dri-drivers", "wget"),
                List.of(incident("K", IncidentStatus.IDENTIFIED, "kernel-core"), incident("M", IncidentStatus.RESOLVED, "mesa-dri-drivers")),
                PackageManager.DNF5, Optional.empty());
        assertEquals(2, advice.size(), "wget is held for reasons of the user's own");
        assertEquals(List.of("K"), advice.get(0).openIncidents());
        assertEquals(false, advice.get(0).canRelease());
        assertEquals("sudo dnf5 versionlock delete mesa-dri-drivers", advice.get(1).release().orElseThrow().display());
    }
}
