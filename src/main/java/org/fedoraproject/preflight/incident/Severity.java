package org.fedoraproject.preflight.incident;

import java.util.Optional;

/** How bad an incident is: critical and major ones make an update a hold, minor ones a caution. */
public enum Severity {
    CRITICAL("critical"),
    MAJOR("major"),
    MINOR("minor");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean holds() {
        return this != MINOR;
    }

    public static Optional<Severity> of(String id) {
        for (Severity s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
