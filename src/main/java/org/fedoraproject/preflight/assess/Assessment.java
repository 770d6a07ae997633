package org.fedoraproject.preflight.assess;

import java.util.List;
import java.util.Objects;

/** The whole answer: the verdict, every pending update with its own, and the incidents that concern this system. */
public record Assessment(Verdict verdict, List<UpdateAssessment> updates, List<IncidentAssessment> incidents) {

    public Assessment {
        Objects.requireNonNull(verdict, "verdict");
        updates = List.copyOf(updates);
        incidents = List.copyOf(incidents);
    }

    public boolean affected() {
        return incidents.stream().anyMatch(i -> i.relation() == Relation.AFFECTED || i.relation() == Relation.FIX_AVAILABLE);
    }
}
