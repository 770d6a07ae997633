package org.fedoraproject.preflight.machine;

/** Which record a transaction comes from. */
public enum HistorySource {
    DNF5("dnf5"),
    DNF4("dnf4"),
    RPM_OSTREE("rpm-ostree");

    private final String id;

    HistorySource(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
