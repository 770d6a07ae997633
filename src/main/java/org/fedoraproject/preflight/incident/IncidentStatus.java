package org.fedoraproject.preflight.incident;

import java.util.Optional;

/** Where an incident stands, in the order it normally moves. */
public enum IncidentStatus {
    INVESTIGATING("investigating"),
    IDENTIFIED("identified"),
    FIX_TESTING("fix-testing"),
    RESOLVED("resolved");

    private final String id;

    IncidentStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    public static Optional<IncidentStatus> of(String id) {
        for (IncidentStatus s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
