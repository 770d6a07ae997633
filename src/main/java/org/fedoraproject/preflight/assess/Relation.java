package org.fedoraproject.preflight.assess;

/**
 * How an incident concerns this system. {@code AFFECTED}: an installed package is in an affected
 * range. {@code FIX_AVAILABLE}: affected, and pending updates take every affected package out of
 * the range. {@code AT_RISK}: not affected, but a pending update would install an affected version.
 */
public enum Relation {
    AFFECTED("affected"),
    FIX_AVAILABLE("fix-available"),
    AT_RISK("at-risk");

    private final String id;

    Relation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
