package org.fedoraproject.preflight.assess;

/**
 * How an incident concerns this system. {@code AFFECTED}: an installed package is in an affected
 * range. {@code FIX_AVAILABLE}: affected, and pending updates take every affected package out of
 * the range. {@code AT_RISK}: not affected, but a pending update would install an affected version.
 * {@code NOT_IN_USE}: only an older version of an installonly package (a kernel kept as a
 * fallback beside the one that runs and boots) is in the range; worth removing, not affected.
 * {@code REPORTED}: a problem is reported for a package installed or pending here, but nobody
 * said which versions it is in (a bug or a topic with no version range): a caution, never
 * "affected", and no way back, removal or lock is offered for it.
 */
public enum Relation {
    AFFECTED("affected"),
    FIX_AVAILABLE("fix-available"),
    AT_RISK("at-risk"),
    NOT_IN_USE("not-in-use"),
    REPORTED("reported");

    private final String id;

    Relation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
