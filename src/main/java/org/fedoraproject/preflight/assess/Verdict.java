package org.fedoraproject.preflight.assess;

/** The answer to "is it safe to update right now?" for the whole system. */
public enum Verdict {
    SAFE("safe", 0),
    CAUTION("caution", 1),
    HOLD("hold", 2);

    private final String id;
    private final int exitCode;

    Verdict(String id, int exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    public String id() {
        return id;
    }

    /** {@code preflight check}'s exit status: 0 safe, 1 caution, 2 hold. */
    public int exitCode() {
        return exitCode;
    }
}
