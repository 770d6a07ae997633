package org.fedoraproject.preflight.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One incident feed, as published: who, when, until when it counts as current, and the incidents. */
public record Feed(String format, String publisher, Instant generated, Instant expires, List<Incident> incidents) {

    public static final String FORMAT = "preflight-incidents/1";

    public Feed {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(expires, "expires");
        incidents = List.copyOf(incidents);
    }

    public boolean isExpiredAt(Instant now) {
        return now.isAfter(expires);
    }
}
