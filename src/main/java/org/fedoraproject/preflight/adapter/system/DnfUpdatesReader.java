package org.fedoraproject.preflight.adapter.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.PendingUpdates;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.text.Text;

/**
 * Pending updates as dnf itself computes them, from its cached metadata only ({@code --cacheonly}):
 * reading never downloads anything and needs no root.
 *
 * <ul>
 * <li>dnf5: {@code check-upgrade}, with {@code --json} where dnf5 has it (5.4+), else the table;
 *     exit 100 means updates exist, 0 none (always 0 with {@code --json}). dnf5's check-upgrade
 *     leaves out packages that obsolete an installed one under another name, which
 *     {@code dnf upgrade} would install all the same, so {@code list --obsoletes} runs beside it.
 * <li>dnf4: {@code check-update}: exit 100 updates, 0 none, 1 error.
 * </ul>
 */
public final class DnfUpdatesReader {

    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final int UPDATES_AVAILABLE = 100;

    private final Target target;
    private final PackageManager manager;
    private final Executor executor;

    public DnfUpdatesReader(Target target, PackageManager manager, Executor executor) {
        if (manager == PackageManager.RPM_OSTREE) {
            throw new IllegalArgumentException("rpm-ostree systems are read by RpmOstreeReader");
        }
        this.target = target;
        this.manager = manager;
        this.executor = executor;
    }

    public Reading<PendingUpdates> read() {
        String source = manager == PackageManager.DNF5 ? "dnf5 check-upgrade" : "dnf4 check-update";
        if (!target.hasRpmDatabase()) {
            return Reading.unavailable(source, Text.of("reading.noRpmDatabaseNotAsked"));
        }
        try {
            List<PendingUpdate> updates;
            if (manager == PackageManager.DNF5) {
                CompletableFuture<List<PendingUpdate>> obsoleting = CompletableFuture.supplyAsync(
                        () -> unchecked(() -> dnf5List("list", "--obsoletes")), executor);
                List<PendingUpdate> upgrades = dnf5List("check-upgrade");
                updates = UpdateListParser.combine(List.of(upgrades, obsoleting.join()));
            } else {
                updates = dnf4CheckUpdate();
            }
            return Reading.of(new PendingUpdates(updates, target.metadataTime(manager)));
        } catch (CompletionException e) {
            return Reading.unavailable(source, e.getCause().getMessage());
        } catch (CommandFailedException | UnexpectedOutputException e) {
            return Reading.unavailable(source, e.getMessage());
        }
    }

    private List<PendingUpdate> dnf5List(String... subcommand) throws CommandFailedException, UnexpectedOutputException {
        CommandResult json = target.runner().run(dnf("dnf5", subcommand, true), TIMEOUT);
        if (json.exitCode() == 0) {
            return UpdateListParser.parseJson(json.stdout().isBlank() ? "{}" : json.stdout());
        }
        if (!json.stderr().contains("--json")) {
            throw failure(json);
        }
        // dnf5 before 5.4 has no --json here: read its table instead.
        CommandResult text = target.runner().run(dnf("dnf5", subcommand, false), TIMEOUT);
        if (text.exitCode() == 0 || text.exitCode() == UPDATES_AVAILABLE) {
            return UpdateListParser.parseTable(text.stdout());
        }
        throw failure(text);
    }

    private List<PendingUpdate> dnf4CheckUpdate() throws CommandFailedException, UnexpectedOutputException {
        CommandResult text = target.runner().run(dnf("dnf-3", new String[] {"check-update"}, false), TIMEOUT);
        if (text.exitCode() == 0 || text.exitCode() == UPDATES_AVAILABLE) {
            return UpdateListParser.parseTable(text.stdout());
        }
        throw failure(text);
    }

    private List<String> dnf(String program, String[] subcommand, boolean json) {
        List<String> args = new ArrayList<>(List.of(subcommand));
        if (json) {
            args.add("--json");
        }
        return target.dnfQuery(program.equals("dnf-3") ? PackageManager.DNF4 : PackageManager.DNF5, args);
    }

    private static CommandFailedException failure(CommandResult result) {
        return new CommandFailedException(result.errorLine());
    }

    private interface DnfCall<T> {
        T call() throws CommandFailedException, UnexpectedOutputException;
    }

    private static <T> T unchecked(DnfCall<T> call) {
        try {
            return call.call();
        } catch (CommandFailedException | UnexpectedOutputException e) {
            throw new CompletionException(e);
        }
    }
}
