package org.fedoraproject.preflight.incident;

import java.util.List;
import java.util.Objects;

/** An incident and the feed it was taken from; {@code alsoIn} are other feeds that carry the same id. */
public record SourcedIncident(Incident incident, String source, List<String> alsoIn) {

    public SourcedIncident {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(source, "source");
        alsoIn = List.copyOf(alsoIn);
    }
}
