package org.fedoraproject.preflight.machine;

import java.util.List;
import java.util.Objects;

/**
 * A release upgrade downloaded and waiting for a reboot: by dnf5 ({@code system-upgrade download},
 * its offline-transaction-state.toml) or by GNOME Software (PackageKit's prepared-upgrade), with
 * the target release, dnf5's status, and the command that cancels it (for the user to run).
 */
public record StagedUpgrade(String by, String release, String status, List<String> cancel) {

    public StagedUpgrade {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(status, "status");
        cancel = List.copyOf(cancel);
    }
}
