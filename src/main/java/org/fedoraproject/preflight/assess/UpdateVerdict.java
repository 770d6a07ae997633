package org.fedoraproject.preflight.assess;

/**
 * What to do with one pending update. {@code UNKNOWN}: it was not checked (no incident data
 * could be read, or the system could not be told), which is never the same as {@code OK}.
 */
public enum UpdateVerdict {
    UNKNOWN("unknown"),
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

    /** Whether the update was checked at all. */
    public boolean checked() {
        return this != UNKNOWN;
    }

    public UpdateVerdict worst(UpdateVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
