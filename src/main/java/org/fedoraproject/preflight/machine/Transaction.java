package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction from one history database (or an rpm-ostree deployment). {@code id} is the id
 * in its own source, so ids repeat across sources; {@code description} is the command line or
 * what stands for it. {@code status} is {@code ok}, {@code error} or {@code started} (never
 * finished).
 */
public record Transaction(HistorySource source, long id, Instant start, Optional<Instant> end, long userId,
                          String description, String status, String releasever, List<TransactionItem> items) {

    public Transaction {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(releasever, "releasever");
        items = List.copyOf(items);
    }

    /** {@code dnf5 #117}, as the user would look it up with {@code dnf history info 117}. */
    public String label() {
        return source.id() + " #" + id;
    }
}
