package org.fedoraproject.preflight.machine;

import java.util.Objects;
import java.util.OptionalLong;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * One row of a history database before pairing: a package the transaction brought or removed
 * ({@code leaving} false, with its action), or a package leaving because another replaced it
 * ({@code leaving} true). dnf4 records which item replaced it ({@code replacedBy}); dnf5 does not.
 */
public record RecordedItem(long id, Nevra nevra, PackageAction action, boolean leaving, OptionalLong replacedBy,
                           String reason, String repository) {

    public RecordedItem {
        Objects.requireNonNull(nevra, "nevra");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(replacedBy, "replacedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(repository, "repository");
    }
}
