package org.fedoraproject.preflight.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The merged transaction timeline, newest first, and what could not be read. On Fedora 41–43
 * dnf5 and dnf4 (through PackageKit) both recorded transactions, so both are merged.
 *
 * <p>The order, as the README's History section states it:
 * <ol>
 *   <li>Within one source, by id, higher first. A database's ids are the order in which its
 *       transactions happened; its clock times are not (the clock can step back, and most
 *       transactions start within the same second), so times never reorder one source.</li>
 *   <li>Across sources, by start time, newer first: a merge of the per-source lists that takes,
 *       at each step, the source whose next transaction started last.</li>
 *   <li>Transactions of different sources that started in the same second: the one that ended
 *       later is newer (one that never ended counts as ending when it started); still tied, the
 *       dnf5 one is listed before the dnf4 one, and both before rpm-ostree's (the order of
 *       {@link HistorySource}), a fixed convention, since the databases keep whole seconds only.</li>
 * </ol>
 */
public record History(List<Transaction> transactions, List<Reading.Unavailable<?>> problems) {

    /** Which of two heads of different sources' lists is newer: see the class comment, rule 2 and 3. */
    static final Comparator<Transaction> NEWER_ACROSS_SOURCES = Comparator
            .comparing((Transaction t) -> t.start().getEpochSecond()).reversed()
            .thenComparing(Comparator.comparing(History::endSecond).reversed())
            .thenComparing(Transaction::source);

    public History {
        transactions = List.copyOf(transactions);
        problems = List.copyOf(problems);
    }

    /** Merges what each source read; a source that failed becomes a problem, the rest still counts. */
    public static History merge(List<Reading<List<Transaction>>> sources) {
        Map<HistorySource, List<Transaction>> bySource = new EnumMap<>(HistorySource.class);
        List<Reading.Unavailable<?>> problems = new ArrayList<>();
        for (Reading<List<Transaction>> source : sources) {
            if (source instanceof Reading.Available<List<Transaction>> available) {
                for (Transaction t : available.value()) {
                    bySource.computeIfAbsent(t.source(), s -> new ArrayList<>()).add(t);
                }
            } else {
                problems.add((Reading.Unavailable<?>) source);
            }
        }
        return new History(newestFirst(bySource.values()), problems);
    }

    private static List<Transaction> newestFirst(Iterable<List<Transaction>> perSource) {
        List<List<Transaction>> lists = new ArrayList<>();
        int total = 0;
        for (List<Transaction> list : perSource) {
            list.sort(Comparator.comparingLong(Transaction::id).reversed());
            lists.add(list);
            total += list.size();
        }
        int[] next = new int[lists.size()];
        List<Transaction> merged = new ArrayList<>(total);
        while (merged.size() < total) {
            int best = -1;
            for (int k = 0; k < lists.size(); k++) {
                if (next[k] < lists.get(k).size() && (best < 0
                        || NEWER_ACROSS_SOURCES.compare(lists.get(k).get(next[k]), lists.get(best).get(next[best])) < 0)) {
                    best = k;
                }
            }
            merged.add(lists.get(best).get(next[best]++));
        }
        return merged;
    }

    private static long endSecond(Transaction t) {
        return t.end().orElse(t.start()).getEpochSecond();
    }
}
