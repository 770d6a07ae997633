package org.fedoraproject.preflight.machine;

/**
 * What a transaction did to a package. The package that an upgrade, downgrade, reinstall or
 * obsoletion replaced is not an action of its own: it is kept with the package that replaced it.
 * {@link #REPLACED} is left for a replaced package that could not be paired (dnf5 does not
 * record which package obsoleted which).
 */
public enum PackageAction {
    INSTALL("install"),
    UPGRADE("upgrade"),
    DOWNGRADE("downgrade"),
    REINSTALL("reinstall"),
    OBSOLETE("obsolete"),
    REMOVE("remove"),
    REPLACED("replaced"),
    REASON_CHANGE("reason-change");

    private final String id;

    PackageAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True when the package is on the system after the transaction. */
    public boolean brings() {
        return this == INSTALL || this == UPGRADE || this == DOWNGRADE || this == REINSTALL || this == OBSOLETE;
    }
}
