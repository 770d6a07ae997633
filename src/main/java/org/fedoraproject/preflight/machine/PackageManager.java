package org.fedoraproject.preflight.machine;

/** What installs updates on the machine; it decides which commands Preflight reads and prepares. */
public enum PackageManager {
    DNF5("dnf5"),
    DNF4("dnf4"),
    RPM_OSTREE("rpm-ostree");

    private final String id;

    PackageManager(String id) {
        this.id = id;
    }

    /** The name used in JSON and in messages: {@code dnf5}, {@code dnf4}, {@code rpm-ostree}. */
    public String id() {
        return id;
    }
}
