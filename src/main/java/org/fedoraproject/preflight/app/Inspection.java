package org.fedoraproject.preflight.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.fedoraproject.preflight.adapter.system.AdvisoryReader;
import org.fedoraproject.preflight.adapter.system.AvailableVersionsReader;
import org.fedoraproject.preflight.adapter.system.DnfRefresher;
import org.fedoraproject.preflight.adapter.system.HoldsReader;
import org.fedoraproject.preflight.adapter.system.InstalledPackagesReader;
import org.fedoraproject.preflight.adapter.system.JournalReader;
import org.fedoraproject.preflight.adapter.system.PackageKitReader;
import org.fedoraproject.preflight.adapter.system.PendingSourcesReader;
import org.fedoraproject.preflight.adapter.system.ProcessCommandRunner;
import org.fedoraproject.preflight.adapter.system.RegularFiles;
import org.fedoraproject.preflight.adapter.system.StagedUpgradeReader;
import org.fedoraproject.preflight.adapter.system.SystemReader;
import org.fedoraproject.preflight.adapter.system.Target;
import org.fedoraproject.preflight.adapter.system.UnitSourcesReader;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.StagedUpgrade;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.text.Text;

/** Use case: read the machine (or the system under a root) into domain values. */
public final class Inspection implements SystemPort {

    private final Targets targets;
    private final Executor executor;
    private final Clock clock;

    public Inspection(Targets targets, Executor executor, Clock clock) {
        this.targets = targets;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Reading<List<InstalledPackage>> installed(Optional<Path> root) {
        return new InstalledPackagesReader(targets.resolve(root)).read();
    }

    @Override
    public Reading<Evidence> journal(Optional<Path> root, Optional<Path> directory, Instant since) {
        Target target = targets.resolve(root);
        JournalReader reader = directory.map(d -> JournalReader.ofDirectory(ProcessCommandRunner.direct(), d))
                .orElseGet(() -> target.isHost() ? JournalReader.ofSystem(target.runner())
                        : JournalReader.ofRoot(ProcessCommandRunner.direct(), target.files()));
        return reader.read(since);
    }

    @Override
    public Reading<Map<String, String>> unitSources(Optional<Path> root, Set<String> units) {
        return new UnitSourcesReader(targets.resolve(root)).read(units);
    }

    @Override
    public Optional<String> bootStatus(Optional<Path> root) {
        Path file = targets.resolve(root).file("etc/motd.d/boot-status");
        try {
            return Files.isRegularFile(file) ? Optional.of(SafeText.multiline(RegularFiles.readString(file, 64 * 1024)).strip())
                    .filter(t -> !t.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public History history(Optional<Path> root) {
        return reader(root).readHistory();
    }

    /** The snapshot without its history; the history is then read per package by {@link #history(Optional, Set)}. */
    @Override
    public SystemSnapshot snapshotWithoutHistory(Optional<Path> root) {
        return reader(root).readWithoutHistory();
    }

    @Override
    public History history(Optional<Path> root, Set<String> names) {
        return reader(root).readHistory(names);
    }

    /** The versions of these packages the enabled repositories offer. */
    @Override
    public Reading<Map<String, Set<Evr>>> available(Optional<Path> root, PackageManager manager, Set<String> names) {
        return new AvailableVersionsReader(targets.resolve(root), manager).read(names);
    }

    /** The root as the package manager's commands see it, when it is not the running system. */
    @Override
    public Optional<String> commandRoot(Optional<Path> root) {
        Target target = targets.resolve(root);
        return target.isHost() ? Optional.empty() : Optional.of(target.commandRoot());
    }

    /** The system's os-release. */
    @Override
    public Reading<OsRelease> os(Optional<Path> root) {
        return new SystemReader(targets.resolve(root), executor, clock).os();
    }

    /** The source package of each pending update, by the update's name. */
    @Override
    public Reading<Map<String, String>> pendingSources(Optional<Path> root, PackageManager manager) {
        return new PendingSourcesReader(targets.resolve(root), manager).read();
    }

    /** dnf's cached updateinfo parsed ahead, by the package manager the system has (dnf5 when it cannot be told). */
    @Override
    public AdvisoryCache cachedAdvisories(Optional<Path> root) {
        Target target = targets.resolve(root);
        PackageManager manager = new SystemReader(target, executor, clock).manager().get().orElse(PackageManager.DNF5);
        AdvisoryReader.Cached cached = new AdvisoryReader(target, manager).readCache();
        // The selection by the manager the snapshot found; a different one reads its own cache.
        return system -> new AdvisoryReader(target, system.manager().get().orElse(manager)).read(cached,
                system.installed().get().orElse(List.of()), system.pending().get().map(p -> p.updates()).orElse(List.of()));
    }

    /** What PackageKit holds for the system: its updates and prepared offline update (the daemon only for this machine). */
    @Override
    public Reading<PackageKitView> packageKit(Optional<Path> root) {
        return new PackageKitReader(targets.resolve(root), targets.systemBus(root).orElse(null))
                .read();
    }

    /**
     * Fresh repository metadata for the system, into Preflight's own cache, as the user: what
     * `check --refresh` and the window's Check again do before they read the pending updates.
     */
    @Override
    public Reading<Instant> refresh(Optional<Path> root) {
        Optional<Target> target = targets.forRefresh(root);
        if (target.isEmpty()) {
            return Reading.unavailable("refresh", Text.of("reading.noOwnCache"));
        }
        Reading<PackageManager> manager = new SystemReader(target.get(), executor, clock).manager();
        if (manager instanceof Reading.Unavailable<PackageManager> u) {
            return Reading.unavailable(u.source(), u.reason());
        }
        return new DnfRefresher(target.get(), manager.get().orElseThrow(), clock).refresh();
    }

    /** When the metadata a check would read was downloaded (the system's or Preflight's own, the newer). */
    @Override
    public Optional<Instant> metadataTime(Optional<Path> root) {
        Target target = targets.resolve(root);
        return new SystemReader(target, executor, clock).manager().get().flatMap(target::metadataTime);
    }

    /** A release upgrade staged by dnf5 or prepared by GNOME Software. */
    @Override
    public List<StagedUpgrade> staged(Optional<Path> root,
                                                                         PackageKitView pk) {
        return new StagedUpgradeReader(targets.resolve(root)).read(pk);
    }

    /** The versionlock entries the system's package manager applies. */
    @Override
    public Reading<VersionLocks> locks(Optional<Path> root, PackageManager manager) {
        return new HoldsReader(targets.resolve(root)).read(manager);
    }

    private SystemReader reader(Optional<Path> root) {
        return new SystemReader(targets.resolve(root), executor, clock);
    }
}
