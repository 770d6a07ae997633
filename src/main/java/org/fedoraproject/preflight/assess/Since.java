package org.fedoraproject.preflight.assess;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * Since when an affected version is installed: the transaction that brought it (its source and
 * id, as {@code dnf history info} takes it), when, and the versions it replaced — the basis for
 * an undo or a downgrade. {@code source} is empty when no history records it and only rpm's
 * install time is known.
 */
public record Since(String source, long transaction, Instant date, String description, List<Nevra> replaced,
                    List<String> transactionPackages) {

    public Since {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
        replaced = List.copyOf(replaced);
        transactionPackages = List.copyOf(transactionPackages);
    }

    /** {@code transactionPackages}: the names of every package the transaction changed, to tell whether undoing it is safe. */
    public static Since of(HistorySource source, long transaction, Instant date, String description, List<Nevra> replaced,
                           List<String> transactionPackages) {
        return new Since(source.id(), transaction, date, description, replaced, transactionPackages);
    }

    public static Since installedAt(Instant date) {
        return new Since("", 0, date, "installed (no transaction in the history records it)", List.of(), List.of());
    }

    public boolean fromHistory() {
        return !source.isEmpty();
    }
}
