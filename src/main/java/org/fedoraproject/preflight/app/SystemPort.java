package org.fedoraproject.preflight.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.machine.Advisory;
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

/**
 * The port through which the use cases see a system: this machine or a root ({@link Inspection},
 * which runs rpm and dnf), the bundled sample ({@link DemoPort}), or a test's fake. Every answer
 * is a value; what cannot be read is a {@link Reading.Unavailable}, never an exception.
 */
public interface SystemPort {

    /** The system's os-release. */
    Reading<OsRelease> os(Optional<Path> root);

    /** The snapshot without its history; the history is then read per package by {@link #history(Optional, Set)}. */
    SystemSnapshot snapshotWithoutHistory(Optional<Path> root);

    /** The installed packages alone (rpm; no dnf). */
    Reading<List<InstalledPackage>> installed(Optional<Path> root);

    /**
     * The journal's coredumps, unit failures and boots since a time: the system's (or the root's),
     * or those of a journal directory when one is given.
     */
    Reading<Evidence> journal(Optional<Path> root, Optional<Path> directory, Instant since);

    /** The whole transaction history. */
    History history(Optional<Path> root);

    /** The transactions that touched these packages. */
    History history(Optional<Path> root, Set<String> names);

    /** The versions of these packages the enabled repositories offer. */
    Reading<Map<String, Set<Evr>>> available(Optional<Path> root, PackageManager manager, Set<String> names);

    /** The root as the package manager's commands see it, when it is not the running system. */
    Optional<String> commandRoot(Optional<Path> root);

    /** The source package of each pending update, by the update's name. */
    Reading<Map<String, String>> pendingSources(Optional<Path> root, PackageManager manager);

    /** What PackageKit holds for the system: its updates and prepared offline update. */
    Reading<PackageKitView> packageKit(Optional<Path> root);

    /** Fresh repository metadata for the system, into Preflight's own cache, as the user. */
    Reading<Instant> refresh(Optional<Path> root);

    /** When the metadata a check would read was downloaded. */
    Optional<Instant> metadataTime(Optional<Path> root);

    /** A release upgrade staged by dnf5 or prepared by GNOME Software. */
    List<StagedUpgrade> staged(Optional<Path> root, PackageKitView packageKit);

    /** The versionlock entries the system's package manager applies. */
    Reading<VersionLocks> locks(Optional<Path> root, PackageManager manager);

    /** dnf's cached updateinfo, read ahead (it may take a while) and then selected for the pending updates. */
    AdvisoryCache cachedAdvisories(Optional<Path> root);

    /**
     * The incident data that comes with this system instead of the configured feeds and Fedora's
     * sources: the bundled sample feed for the demo; none for a real system.
     */
    default Optional<FeedStatus> ownFeed() {
        return Optional.empty();
    }

    /** The source package of each of these units' unit files (rpm -qf); a unit no package owns is left out. */
    default Reading<Map<String, String>> unitSources(Optional<Path> root, Set<String> units) {
        return Reading.of(Map.of());
    }

    /** greenboot's verdict on the last boot (Atomic desktops, IoT: /etc/motd.d/boot-status), when the system has one. */
    default Optional<String> bootStatus(Optional<Path> root) {
        return Optional.empty();
    }

    /** The system's present: the clock's for a real system; the moment the demo's sample was taken for the demo. */
    default Instant now(Clock clock) {
        return clock.instant();
    }

    /** dnf's cached updateinfo of every repository, parsed once; {@link #select} picks the pending updates' advisories. */
    interface AdvisoryCache {
        Reading<List<Advisory>> select(SystemSnapshot system);
    }
}
