package org.fedoraproject.preflight.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;

/**
 * Transactions beside the journal's crashes and boots.
 *
 * <p>The rule for a suspect: a transaction changed source package S (to version V); in the time
 * after it — up to {@link #AFTER} and never past S's next change or now — processes with S at V in
 * them crashed, or S's units failed, at least {@link #AT_LEAST} times in all; and in as long a time
 * before it, never, or at a rate per day the machine was up at most a third of the rate after.
 * One crash is no suspect; a package that crashed as often before is none; a package newly
 * installed (nothing to compare with) is none.
 */
public final class HealthAnalysis {

    /** How far after a transaction its crashes are counted. */
    static final Duration AFTER = Duration.ofDays(14);
    /** The fewest crashes after a transaction that make it a suspect. */
    static final int AT_LEAST = 2;
    /** How many times the rate before the rate after must be, when there were crashes before. */
    static final double RISE = 3.0;
    /** Less up-time than this counts as this much: a rate over minutes means nothing. */
    static final double LEAST_DAY = 1.0 / 24;

    private HealthAnalysis() {
    }

    /**
     * @param sourceOf the source package of each binary package name (a name missing is its own source)
     */
    public static HealthReport analyze(List<Transaction> history, Map<String, String> sourceOf, Evidence evidence,
                                       List<Incident> incidents, Instant now, int days) {
        Instant since = now.minus(Duration.ofDays(days));
        // Oldest first; transactions of the same second (scripts, the test roots) in the order their manager numbered them.
        List<Transaction> sorted = history.stream().sorted(Comparator.comparing(Transaction::start)
                .thenComparing(Transaction::source).thenComparingLong(Transaction::id)).toList();
        // What each transaction changed, once; and for each source package the times it changed, for "its next change".
        List<Map<String, Change>> changes = sorted.stream().map(tx -> changes(tx, sourceOf)).toList();
        Map<String, List<Instant>> changedAt = new HashMap<>();
        for (int t = 0; t < sorted.size(); t++) {
            for (String source : changes.get(t).keySet()) {
                changedAt.computeIfAbsent(source, k -> new ArrayList<>()).add(sorted.get(t).start());
            }
        }
        Map<String, List<Crash>> crashesOf = bySource(evidence.crashes());
        Map<String, List<UnitFailure>> failuresOf = new HashMap<>();
        evidence.failures().stream().filter(f -> !f.source().isEmpty()).sorted(Comparator.comparing(UnitFailure::at))
                .forEach(f -> failuresOf.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(f));
        List<Suspect> suspects = new ArrayList<>();
        List<HealthReport.FailedBoot> failedBoots = new ArrayList<>();
        for (int t = 0; t < sorted.size(); t++) {
            Transaction tx = sorted.get(t);
            if (tx.start().isBefore(since) || tx.start().isAfter(now)) {
                continue;
            }
            for (Map.Entry<String, Change> change : changes.get(t).entrySet()) {
                String source = change.getKey();
                List<Crash> involved = crashesOf.getOrDefault(source, List.of());
                List<UnitFailure> failing = failuresOf.getOrDefault(source, List.of());
                if (involved.isEmpty() && failing.isEmpty()) {
                    continue;
                }
                Instant end = min(now, tx.start().plus(AFTER), next(changedAt.get(source), tx.start()));
                Duration length = Duration.between(tx.start(), end);
                Instant from = tx.start().minus(length);
                Optional<String> version = Optional.of(change.getValue().after()).filter(v -> !v.isEmpty());
                List<Crash> after = involved.stream().filter(c -> within(c.at(), tx.start(), end))
                        .filter(c -> c.involves(source, version)).toList();
                List<Crash> before = involved.stream().filter(c -> within(c.at(), from, tx.start())).toList();
                // A unit's failures carry no version: those in the window after count for the change.
                List<UnitFailure> failedAfter = failing.stream().filter(f -> within(f.at(), tx.start(), end)).toList();
                List<UnitFailure> failedBefore = failing.stream().filter(f -> within(f.at(), from, tx.start())).toList();
                double upAfter = upDays(evidence.boots(), tx.start(), end);
                double upBefore = upDays(evidence.boots(), from, tx.start());
                int eventsAfter = after.size() + failedAfter.size();
                if (suspect(before.size() + failedBefore.size(), upBefore, eventsAfter, upAfter)) {
                    Instant first = Stream.concat(after.stream().map(Crash::at), failedAfter.stream().map(UnitFailure::at))
                            .min(Instant::compareTo).orElseThrow();
                    suspects.add(new Suspect(tx, source, change.getValue().before(), change.getValue().after(), before.size(),
                            after.size(), upBefore, upAfter, new ArrayList<>(new TreeSet<>(after.stream().map(Crash::executable).toList())),
                            first, failedBefore.size(), failedAfter.size(),
                            new ArrayList<>(new TreeSet<>(failedAfter.stream().map(UnitFailure::unit).toList()))));
                }
            }
            kernel(tx).ifPresent(kernel -> evidence.boots().stream()
                    .filter(b -> !b.started() && b.first().isAfter(tx.start()) && b.first().isBefore(nextKernel(sorted, tx)))
                    .forEach(b -> failedBoots.add(new HealthReport.FailedBoot(b, tx, kernel))));
        }
        return new HealthReport(days, suspects, shown(evidence, incidents, since), failedBoots, evidence);
    }

    /** The rule, on its own: at least {@link #AT_LEAST} after, and none before or a rate {@link #RISE} times as high. */
    static boolean suspect(int before, double upBefore, int after, double upAfter) {
        if (after < AT_LEAST) {
            return false;
        }
        if (before == 0) {
            return true;
        }
        double rateBefore = before / Math.max(upBefore, LEAST_DAY);
        double rateAfter = after / Math.max(upAfter, LEAST_DAY);
        // With a little room for the floating point: three times as high counts as three times as high.
        return rateAfter >= RISE * rateBefore * (1 - 1e-9);
    }

    /** What a transaction changed, by source package: the version before (if replaced) and after. */
    record Change(String before, String after) {
    }

    static Map<String, Change> changes(Transaction tx, Map<String, String> sourceOf) {
        Map<String, Change> out = new LinkedHashMap<>();
        for (TransactionItem item : tx.items()) {
            if (item.action() != PackageAction.UPGRADE && item.action() != PackageAction.DOWNGRADE
                    && item.action() != PackageAction.INSTALL) {
                continue;
            }
            String source = sourceOf.getOrDefault(item.nevra().name(), item.nevra().name());
            String before = item.replaced().stream().findFirst().map(n -> n.evr().versionRelease()).orElse("");
            if (before.isEmpty()) {
                // Newly installed: it could not crash before, so "none before" would say nothing.
                continue;
            }
            out.putIfAbsent(source, new Change(before, item.nevra().evr().versionRelease()));
        }
        return out;
    }

    /** The first of these times (oldest first) after {@code t}; a change of the same second is not "next". */
    private static Instant next(List<Instant> times, Instant t) {
        for (Instant x : times) {
            if (x.isAfter(t)) {
                return x;
            }
        }
        return Instant.MAX;
    }

    /** The crashes by each source package they had in them (program or module), oldest first. */
    static Map<String, List<Crash>> bySource(List<Crash> crashes) {
        Map<String, List<Crash>> out = new HashMap<>();
        for (Crash c : crashes.stream().sorted(Comparator.comparing(Crash::at)).toList()) {
            Set<String> sources = new HashSet<>();
            c.program().ifPresent(m -> sources.add(m.source()));
            c.modules().forEach(m -> sources.add(m.source()));
            sources.forEach(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(c));
        }
        return out;
    }

    /** The kernel a transaction installed, if any. */
    static Optional<String> kernel(Transaction tx) {
        return tx.items().stream().filter(i -> i.action() == PackageAction.INSTALL || i.action() == PackageAction.UPGRADE)
                .filter(i -> i.nevra().name().equals("kernel-core") || i.nevra().name().equals("kernel"))
                .map(i -> Boot.kernelRelease(i.nevra())).findFirst();
    }

    private static Instant nextKernel(List<Transaction> sorted, Transaction tx) {
        return sorted.stream().filter(o -> o.start().isAfter(tx.start()) && kernel(o).isPresent()).map(Transaction::start)
                .findFirst().orElse(Instant.MAX);
    }

    /** Crashes of a version a known incident lists as affected, by incident. */
    static List<HealthReport.IncidentShown> shown(Evidence evidence, List<Incident> incidents, Instant since) {
        List<HealthReport.IncidentShown> out = new ArrayList<>();
        for (Incident incident : incidents) {
            List<Crash> crashes = evidence.crashes().stream().filter(c -> !c.at().isBefore(since))
                    .filter(c -> incident.affected().stream().anyMatch(a -> hits(a, c))).toList();
            if (!crashes.isEmpty()) {
                out.add(new HealthReport.IncidentShown(incident.id(), crashes.size(),
                        new ArrayList<>(new TreeSet<>(crashes.stream().map(Crash::executable).toList()))));
            }
        }
        return out;
    }

    private static boolean hits(AffectedPackage a, Crash c) {
        String source = a.source().orElse(a.name());
        List<Module> all = new ArrayList<>(c.modules());
        c.program().ifPresent(all::add);
        return all.stream().filter(m -> m.source().equals(source) || m.source().equals(a.name())).anyMatch(m -> {
            try {
                return a.range().contains(new Evr(a.range().introduced().epoch(), Evr.parse(m.version()).version(),
                        Evr.parse(m.version()).release()));
            } catch (InvalidVersionException e) {
                return false;
            }
        });
    }

    /** The days the machine was up between two times, from its boots; the calendar days when no boot is known. */
    static double upDays(List<BootSpan> boots, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (boots.isEmpty()) {
            return Duration.between(from, to).toSeconds() / 86_400.0;
        }
        long seconds = 0;
        for (BootSpan b : boots) {
            Instant start = b.first().isAfter(from) ? b.first() : from;
            Instant end = b.last().isBefore(to) ? b.last() : to;
            if (end.isAfter(start)) {
                seconds += Duration.between(start, end).toSeconds();
            }
        }
        return seconds / 86_400.0;
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static Instant min(Instant a, Instant b, Instant c) {
        Instant m = a.isBefore(b) ? a : b;
        return m.isBefore(c) ? m : c;
    }
}
