package org.fedoraproject.preflight.adapter.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.PendingUpdates;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.text.Text;

/**
 * An Atomic desktop (Silverblue, Kinoite, …): deployments and the cached update from
 * {@code rpm-ostree status --json}, which needs no root and downloads nothing; the history is
 * the deployments, oldest first, each with {@code rpm-ostree db diff} against the one before.
 */
public final class RpmOstreeReader {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What rpm-ostree said; deployments are empty when status could not be read. */
    public record Result(Reading<PendingUpdates> pending, History history, List<Deployment> deployments) {
    }

    private final Target target;

    public RpmOstreeReader(Target target) {
        this.target = target;
    }

    public Result read() {
        String source = "rpm-ostree status";
        RpmOstreeParser.Status status;
        try {
            CommandResult result = target.runner().run(List.of("rpm-ostree", "status", "--json"), TIMEOUT);
            if (result.exitCode() != 0) {
                return failed(source, result.errorLine());
            }
            status = RpmOstreeParser.parseStatus(result.stdout());
        } catch (CommandFailedException | UnexpectedOutputException e) {
            return failed(source, e.getMessage());
        }
        Reading<PendingUpdates> pending = Reading.of(new PendingUpdates(status.cachedUpdate(), Optional.empty()));
        return new Result(pending, history(status.deployments()), status.deployments());
    }

    private History history(List<Deployment> deployments) {
        List<Deployment> oldestFirst = new ArrayList<>(deployments);
        oldestFirst.sort(Comparator.comparing(Deployment::timestamp));
        List<Transaction> transactions = new ArrayList<>();
        List<Reading<List<Transaction>>> parts = new ArrayList<>();
        for (int k = 0; k < oldestFirst.size(); k++) {
            Deployment d = oldestFirst.get(k);
            String what = d.staged() ? "staged" : d.booted() ? "booted" : "rollback";
            String description = "deployment " + d.version() + " (" + d.shortChecksum() + "), " + what;
            List<TransactionItem> items = List.of();
            if (k > 0) {
                String from = oldestFirst.get(k - 1).checksum();
                try {
                    CommandResult diff = target.runner().run(
                            List.of("rpm-ostree", "db", "diff", "--format=json", from, d.checksum()), TIMEOUT);
                    if (diff.exitCode() != 0) {
                        parts.add(Reading.unavailable("rpm-ostree db diff", diff.errorLine()));
                    } else {
                        items = RpmOstreeParser.parseDbDiff(diff.stdout());
                    }
                } catch (CommandFailedException | UnexpectedOutputException e) {
                    parts.add(Reading.unavailable("rpm-ostree db diff", e.getMessage()));
                }
            }
            transactions.add(new Transaction(HistorySource.RPM_OSTREE, k + 1, d.timestamp(), Optional.empty(), 0,
                    description, what, d.version(), items));
        }
        parts.add(Reading.of(transactions));
        return History.merge(parts);
    }

    private static Result failed(String source, String reason) {
        Reading.Unavailable<List<Transaction>> failure = new Reading.Unavailable<>(source, Text.untranslated(reason));
        return new Result(Reading.unavailable(source, reason), History.merge(List.of(failure)), List.of());
    }
}
