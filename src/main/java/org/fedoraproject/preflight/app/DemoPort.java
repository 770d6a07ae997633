package org.fedoraproject.preflight.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.feed.FeedStatus;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.incident.AffectedPackage;
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
 * The bundled sample system ({@link DemoSystem}) behind the port: nothing is run, the root is
 * ignored, its repositories offer the last good version of each package of the sample feed, and
 * it brings that feed as its own incident data.
 */
public final class DemoPort implements SystemPort {

    private final SystemSnapshot snapshot = DemoSystem.snapshot();

    @Override
    public Reading<OsRelease> os(Optional<Path> root) {
        return snapshot.os();
    }

    @Override
    public SystemSnapshot snapshotWithoutHistory(Optional<Path> root) {
        return snapshot;
    }

    @Override
    public Reading<List<InstalledPackage>> installed(Optional<Path> root) {
        return snapshot.installed();
    }

    @Override
    public Reading<Evidence> journal(Optional<Path> root, Optional<Path> directory, Instant since) {
        return Reading.of(Evidence.NONE);
    }

    @Override
    public History history(Optional<Path> root) {
        return snapshot.history();
    }

    @Override
    public History history(Optional<Path> root, Set<String> names) {
        return snapshot.history();
    }

    @Override
    public Reading<Map<String, Set<Evr>>> available(Optional<Path> root, PackageManager manager, Set<String> names) {
        Map<String, Set<Evr>> available = new HashMap<>();
        ownFeed().flatMap(FeedStatus::feed).stream().flatMap(f -> f.incidents().stream())
                .flatMap(i -> i.affected().stream()).filter(a -> names.contains(a.name()) && a.lastGood().isPresent())
                .forEach((AffectedPackage a) -> available.putIfAbsent(a.name(), Set.of(a.lastGood().get())));
        return Reading.of(available);
    }

    @Override
    public Optional<String> commandRoot(Optional<Path> root) {
        return Optional.empty();
    }

    @Override
    public Reading<Map<String, String>> pendingSources(Optional<Path> root, PackageManager manager) {
        return Reading.of(Map.of());
    }

    @Override
    public Reading<PackageKitView> packageKit(Optional<Path> root) {
        return Reading.of(PackageKitView.NONE);
    }

    @Override
    public Reading<Instant> refresh(Optional<Path> root) {
        return Reading.unavailable("refresh", "the demo has no repositories to refresh");
    }

    @Override
    public Optional<Instant> metadataTime(Optional<Path> root) {
        return snapshot.pending().get().flatMap(p -> p.metadataTime());
    }

    @Override
    public List<StagedUpgrade> staged(Optional<Path> root, PackageKitView packageKit) {
        return List.of();
    }

    @Override
    public Reading<VersionLocks> locks(Optional<Path> root, PackageManager manager) {
        return Reading.of(VersionLocks.NONE);
    }

    @Override
    public AdvisoryCache cachedAdvisories(Optional<Path> root) {
        return system -> Reading.of(List.of());
    }

    @Override
    public Optional<FeedStatus> ownFeed() {
        return Optional.of(DemoSystem.feed());
    }
}
