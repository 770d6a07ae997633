package org.fedoraproject.preflight.machine;

import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * A package that the next update would install: a newer version of an installed package, or a
 * package that obsoletes installed ones ({@code obsoletes} is then not empty).
 */
public record PendingUpdate(Nevra nevra, String repository, List<Nevra> obsoletes) {

    public PendingUpdate {
        Objects.requireNonNull(nevra, "nevra");
        Objects.requireNonNull(repository, "repository");
        obsoletes = List.copyOf(obsoletes);
    }

    public boolean isObsoleting() {
        return !obsoletes.isEmpty();
    }
}
