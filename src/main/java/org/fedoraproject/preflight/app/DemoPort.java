package org.fedoraproject.preflight.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.health.BootSpan;
import org.fedoraproject.preflight.health.Crash;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.health.Module;
import org.fedoraproject.preflight.health.UnitFailure;
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
import org.fedoraproject.preflight.text.Text;

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

    /** The demo's journal: gnome-shell crashing with the new mesa-libGL in it after the mesa update, never before. */
    @Override
    public Reading<Evidence> journal(Optional<Path> root, Optional<Path> directory, Instant since) {
        String boot = "6d0e6d0e6d0e6d0e6d0e6d0e6d0e6d0e";
        List<Crash> crashes = new ArrayList<>();
        for (String at : List.of("2026-11-18T09:12:00Z", "2026-11-19T20:40:00Z", "2026-11-21T08:05:00Z", "2026-11-24T18:30:00Z")) {
            crashes.add(new Crash(Instant.parse(at), "/usr/bin/gnome-shell", Optional.of(new Module("gnome-shell", "49.1-1.fc43")),
                    List.of(new Module("mesa-libGL", "25.1.4-1.fc43"), new Module("glibc", "2.42-4.fc43")), "", 11, boot));
        }
        List<UnitFailure> failures = List.of(new UnitFailure(Instant.parse("2026-11-20T08:16:00Z"), "packagekit.service", "exit-code",
                boot));
        List<BootSpan> boots = List.of(new BootSpan("6d0e5d0e5d0e5d0e5d0e5d0e5d0e5d0e", Instant.parse("2026-11-01T08:00:00Z"),
                Instant.parse("2026-11-17T23:00:00Z"), true), new BootSpan(boot, Instant.parse("2026-11-18T07:30:00Z"),
                snapshot.takenAt(), true));
        return Reading.of(new Evidence(crashes.stream().filter(c -> !c.at().isBefore(since)).toList(), failures, boots,
                Evidence.Scope.SYSTEM));
    }

    @Override
    public Instant now(Clock clock) {
        return snapshot.takenAt();
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
        return Reading.unavailable("refresh", Text.of("reading.demoNoRepositories"));
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
