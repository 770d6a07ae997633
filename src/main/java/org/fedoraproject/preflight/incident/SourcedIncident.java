package org.fedoraproject.preflight.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incident and where it was taken from: a feed's URL (curated) or the Fedora source it was
 * derived from; {@code alsoIn} are other feeds that carry the same id, {@code evidence} what
 * Fedora's own sources say about it.
 */
public record SourcedIncident(Incident incident, String source, List<String> alsoIn, Confidence confidence,
                              List<Evidence> evidence) {

    public SourcedIncident {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(source, "source");
        alsoIn = List.copyOf(alsoIn);
        Objects.requireNonNull(confidence, "confidence");
        evidence = List.copyOf(evidence);
    }

    /** A feed's incident. */
    public SourcedIncident(Incident incident, String source, List<String> alsoIn) {
        this(incident, source, alsoIn, Confidence.CURATED, List.of());
    }

    public SourcedIncident withIncident(Incident other) {
        return new SourcedIncident(other, source, alsoIn, confidence, evidence);
    }

    public SourcedIncident withEvidence(List<Evidence> more) {
        List<Evidence> all = new ArrayList<>(evidence);
        more.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new SourcedIncident(incident, source, alsoIn, confidence, all);
    }

    public boolean derived() {
        return confidence == Confidence.DERIVED;
    }
}
