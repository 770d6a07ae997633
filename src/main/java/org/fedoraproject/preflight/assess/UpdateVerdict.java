package org.fedoraproject.preflight.assess;

/** What to do with one pending update. */
public enum UpdateVerdict {
    OK("ok"),
    CAUTION("caution"),
    HOLD("hold");

    private final String id;

    UpdateVerdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public UpdateVerdict worst(UpdateVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
