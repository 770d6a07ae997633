package org.fedoraproject.preflight.assess;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Evr;

/**
 * One pending update: from which installed version (empty for a new package that obsoletes
 * another), the verdict, the incidents it relates to and the evidence in words.
 */
public record UpdateAssessment(PendingUpdate update, Optional<Evr> from, UpdateVerdict verdict,
                               List<String> incidents, List<String> evidence) {

    public UpdateAssessment {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(verdict, "verdict");
        incidents = List.copyOf(incidents);
        evidence = List.copyOf(evidence);
    }
}
