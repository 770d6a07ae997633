package org.fedoraproject.preflight.assess;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;

/**
 * An incident that concerns this system: how ({@code relation}), which installed packages are
 * in its range and since when, which pending updates would bring it and which would fix it,
 * the installed packages a problem with no known versions is reported for ({@code reported}:
 * named, never called affected), and the evidence in words.
 */
public record IncidentAssessment(SourcedIncident incident, Relation relation, List<AffectedInstall> affected,
                                 List<PendingUpdate> risky, List<PendingUpdate> fixing, List<InstalledPackage> reported,
                                 List<String> evidence) {

    public IncidentAssessment {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(relation, "relation");
        affected = List.copyOf(affected);
        risky = List.copyOf(risky);
        fixing = List.copyOf(fixing);
        reported = List.copyOf(reported);
        evidence = List.copyOf(evidence);
    }

    public String id() {
        return incident.incident().id();
    }

    /**
     * The earliest of the transactions that brought an affected version. None where the range has
     * no known start: the version that came then is not known to have brought the problem.
     */
    public Optional<Since> since() {
        return affected.stream().filter(AffectedInstall::broughtBySince).map(AffectedInstall::since)
                .min(Comparator.comparing(Since::date));
    }
}
