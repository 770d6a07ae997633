package org.fedoraproject.preflight.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The merged transaction timeline, newest first, and what could not be read. On Fedora 41–43
 * dnf5 and dnf4 (through PackageKit) both recorded transactions, so both are merged.
 */
public record History(List<Transaction> transactions, List<Reading.Unavailable<?>> problems) {

    /** Newest first; at the same second dnf5 before dnf4, then the higher id first. */
    public static final Comparator<Transaction> NEWEST_FIRST = Comparator
            .comparing(Transaction::start).reversed()
            .thenComparing(Transaction::source)
            .thenComparing(Comparator.comparingLong(Transaction::id).reversed());

    public History {
        transactions = List.copyOf(transactions);
        problems = List.copyOf(problems);
    }

    /** Merges what each source read; a source that failed becomes a problem, the rest still counts. */
    public static History merge(List<Reading<List<Transaction>>> sources) {
        List<Transaction> all = new ArrayList<>();
        List<Reading.Unavailable<?>> problems = new ArrayList<>();
        for (Reading<List<Transaction>> source : sources) {
            if (source instanceof Reading.Available<List<Transaction>> available) {
                all.addAll(available.value());
            } else {
                problems.add((Reading.Unavailable<?>) source);
            }
        }
        all.sort(NEWEST_FIRST);
        return new History(all, problems);
    }
}
