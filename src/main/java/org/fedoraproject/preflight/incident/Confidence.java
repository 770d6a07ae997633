package org.fedoraproject.preflight.incident;

/**
 * Where an incident's claims come from: {@code CURATED}, a feed whose publisher wrote them;
 * {@code DERIVED}, Preflight's reading of what Fedora publishes (Bugzilla, Bodhi, Common Issues),
 * which may make an update a caution and only on strong evidence a hold.
 */
public enum Confidence {
    CURATED("curated"), DERIVED("derived");

    private final String id;

    Confidence(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
