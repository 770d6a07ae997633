package org.fedoraproject.preflight.machine;

import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * One package in a transaction: what was done to it, why ({@code reason}: user, dependency, …,
 * as dnf records it), from which repository, and the packages it replaced.
 */
public record TransactionItem(Nevra nevra, PackageAction action, String reason, String repository,
                              List<Nevra> replaced) {

    public TransactionItem {
        Objects.requireNonNull(nevra, "nevra");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(repository, "repository");
        replaced = List.copyOf(replaced);
    }
}
