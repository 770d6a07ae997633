package org.fedoraproject.preflight.adapter.system;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdates;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.text.Text;

/**
 * Reads one {@link SystemSnapshot}: the release, the package manager, the installed packages,
 * the pending updates and the history. The slow parts (rpm, dnf, the databases) run at the
 * same time on the given executor.
 */
public final class SystemReader {

    private final Target target;
    private final Executor executor;
    private final Clock clock;

    public SystemReader(Target target, Executor executor, Clock clock) {
        this.target = target;
        this.executor = executor;
        this.clock = clock;
    }

    public SystemSnapshot read() {
        return read(true, true);
    }

    /**
     * Everything but the history, which a check reads only for the few packages it finds
     * affected ({@link #readHistory(Set)}).
     */
    public SystemSnapshot readWithoutHistory() {
        return read(true, false);
    }

    /**
     * Everything but the pending updates, which are dnf's own work over its metadata (a quarter
     * second and more): for a first answer while dnf still runs.
     */
    public SystemSnapshot readWithoutPending() {
        return read(false, true);
    }

    private SystemSnapshot read(boolean withPending, boolean withHistory) {
        Reading<OsRelease> os = new OsReleaseReader(target.files()).read();
        Reading<PackageManager> manager = detectManager(os);
        CompletableFuture<Reading<List<InstalledPackage>>> installed =
                CompletableFuture.supplyAsync(() -> new InstalledPackagesReader(target).read(), executor);
        if (manager.get().orElse(null) == PackageManager.RPM_OSTREE) {
            CompletableFuture<RpmOstreeReader.Result> ostree =
                    CompletableFuture.supplyAsync(() -> new RpmOstreeReader(target).read(), executor);
            RpmOstreeReader.Result result = ostree.join();
            return new SystemSnapshot(os, manager, installed.join(), result.pending(), result.history(),
                    result.deployments(), clock.instant(), Boot.UNKNOWN);
        }
        CompletableFuture<Reading<PendingUpdates>> pending = !withPending
                ? CompletableFuture.completedFuture(Reading.unavailable("pending updates", Text.of("reading.notReadYet")))
                : CompletableFuture.supplyAsync(() -> manager.get()
                        .map(m -> new DnfUpdatesReader(target, m, executor).read())
                        .orElseGet(() -> Reading.unavailable("pending updates", ((Reading.Unavailable<?>) manager).reason())),
                        executor);
        // rpm is asked for installonly capabilities only where its database is: as root, a query on
        // a root without one would create it. Alongside the other reads, as it is a process of its own.
        CompletableFuture<Boot> boot = CompletableFuture.supplyAsync(
                () -> target.hasRpmDatabase() ? new BootReader(target).read() : Boot.UNKNOWN, executor);
        History history = withHistory ? readHistory(manager, Optional.empty()) : History.merge(List.of());
        return new SystemSnapshot(os, manager, installed.join(), pending.join(), history, List.of(), clock.instant(), boot.join());
    }

    /** The package manager alone (from files: no command runs). */
    /** The system's os-release alone: enough to ask Fedora's sources about its release while the rest is read. */
    public Reading<OsRelease> os() {
        return new OsReleaseReader(target.files()).read();
    }

    public Reading<PackageManager> manager() {
        return detectManager(new OsReleaseReader(target.files()).read());
    }

    /** The merged dnf5 and dnf4 timeline; the database of the system's own manager must be there, the other may not. */
    public History readHistory() {
        return readHistory(detectManager(new OsReleaseReader(target.files()).read()), Optional.empty());
    }

    /** Only the transactions in which a package of one of these names took part. */
    public History readHistory(Set<String> names) {
        return readHistory(detectManager(new OsReleaseReader(target.files()).read()), Optional.of(names));
    }

    private History readHistory(Reading<PackageManager> manager, Optional<Set<String>> names) {
        if (manager.get().orElse(null) == PackageManager.RPM_OSTREE) {
            return new RpmOstreeReader(target).read().history();
        }
        List<HistoryDatabase> databases = List.of(
                new Dnf5HistoryDatabase(target.file(Dnf5HistoryDatabase.PATH)),
                new Dnf4HistoryDatabase(target.file(Dnf4HistoryDatabase.PATH)));
        List<CompletableFuture<Reading<List<Transaction>>>> reads = new ArrayList<>();
        for (HistoryDatabase db : databases) {
            boolean own = manager.get().map(m -> m.id().equals(sourceOf(db).id())).orElse(false);
            if (db.exists() || own) {
                reads.add(CompletableFuture.supplyAsync(() -> names.map(db::readInvolving).orElseGet(db::read), executor));
            }
        }
        List<Reading<List<Transaction>>> parts = new ArrayList<>(reads.stream().map(CompletableFuture::join).toList());
        if (parts.isEmpty() && manager instanceof Reading.Unavailable<PackageManager> unknown) {
            parts.add(Reading.unavailable(unknown.source(), unknown.reason()));
        }
        return History.merge(parts);
    }

    private static HistorySource sourceOf(HistoryDatabase db) {
        return db instanceof Dnf5HistoryDatabase ? HistorySource.DNF5 : HistorySource.DNF4;
    }

    /**
     * Atomic desktops first (their images may carry dnf too), then dnf5 (Fedora 41 and later),
     * then dnf4. Told from the files the packages own, so that it costs no command.
     */
    Reading<PackageManager> detectManager(Reading<OsRelease> os) {
        boolean ostree = os.get().map(o -> !o.ostreeVersion().isEmpty()).orElse(false)
                || Files.exists(target.file("run/ostree-booted"))
                || (Files.exists(target.file("usr/bin/rpm-ostree")) && Files.isDirectory(target.file("ostree")));
        if (ostree) {
            return Reading.of(PackageManager.RPM_OSTREE);
        }
        if (Files.exists(target.file("usr/bin/dnf5"))) {
            return Reading.of(PackageManager.DNF5);
        }
        if (Files.exists(target.file("usr/bin/dnf-3")) || Files.exists(target.file("usr/bin/dnf4"))) {
            return Reading.of(PackageManager.DNF4);
        }
        return Reading.unavailable("package manager", Text.of("reading.noPackageManager", String.valueOf(target.files())));
    }
}
