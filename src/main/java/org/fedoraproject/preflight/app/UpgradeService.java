package org.fedoraproject.preflight.app;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.adapter.feed.FeedRepository;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.assess.UpgradeAssessment;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.signal.DerivedIncidents;
import org.fedoraproject.preflight.signal.Release;
import org.fedoraproject.preflight.signal.ReleaseOutlook;
import org.fedoraproject.preflight.signal.Signals;
import org.fedoraproject.preflight.text.Text;

/** {@code preflight check --upgrade} and the window's "Is it safe to upgrade?": its own use case beside the check. */
public final class UpgradeService {

    private final SystemPort inspection;
    private final FeedRefreshes feedRefreshes;
    private final SignalGathering signals;
    private final SettingsStore settings;
    private final Clock clock;

    public UpgradeService(SystemPort inspection, FeedRepository feeds, SignalSources signals, SettingsStore settings,
                          Executor executor, Clock clock) {
        this.inspection = inspection;
        this.feedRefreshes = new FeedRefreshes(feeds, executor);
        this.signals = new SignalGathering(signals, inspection, executor);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Is it safe to upgrade to release {@code wanted} (by default the newest stable one)? The
     * feeds' incidents for that release and those derived from its Common Issues and CommonBugs,
     * against the packages installed here; the versionlock entries; a staged upgrade.
     */
    public UpgradeReport upgrade(CheckService.Request request, Optional<String> wanted) {
        List<Text> warnings = new ArrayList<>();
        List<Text> cannot = new ArrayList<>();
        SettingsStore.Loaded loaded = settings.load();
        List<CompletableFuture<FeedStatus>> refreshes = feedRefreshes.start(loaded, request, warnings);
        SystemSnapshot system = inspection.snapshotWithoutHistory(request.root());
        Optional<OsRelease> os = system.os().get().filter(OsRelease::isFedora);
        String from = os.map(OsRelease::versionId).orElse("");
        if (os.isEmpty()) {
            cannot.add(Text.of("check.cannot.notFedoraUpgrade"));
        }
        List<FeedStatus> statuses = new ArrayList<>();
        Optional<String> target = wanted;
        Signals live = Signals.NONE;
        Optional<UpgradeAssessment> assessment = Optional.empty();
        if (target.isEmpty() && os.isPresent()) {
            SignalSources.Read<Release> releases = signals.releases(request.offline());
            target = ReleaseOutlook.of(from, Optional.empty(), releases.items(),
                    clock.instant().atZone(ZoneOffset.UTC).toLocalDate()).flatMap(r -> r.newestStable());
            if (target.isEmpty()) {
                cannot.add(releases.problem().map(p -> Text.of("check.cannot.newestUnknown", p.said()))
                        .orElse(Text.of("check.cannot.noNewer", from)));
            }
        }
        refreshes.forEach(f -> statuses.add(f.join()));
        if (target.isPresent() && os.isPresent()) {
            Map<String, String> sourceOf = CheckService.sourceOf(system);
            live = signals.gatherForUpgrade(system, loaded.settings(), request.root(), sourceOf, request.offline(), target.get());
            live.problems().forEach(p -> warnings.add(p.said()));
            List<InstalledPackage> installed = system.installed().get().orElse(List.of());
            // After the upgrade every installed package is the new release's: a topic naming one concerns it.
            List<PendingUpdate> asIfUpgraded = installed.stream().map(p -> new PendingUpdate(p.nevra(), "", List.of())).toList();
            Map<String, Long> epochOf = new HashMap<>();
            installed.forEach(p -> epochOf.merge(p.source(), p.nevra().evr().epoch(), Math::max));
            List<SourcedIncident> all = DerivedIncidents.derive(CheckReport.merge(statuses), live,
                    new DerivedIncidents.Facts(target.get(), sourceOf, epochOf, asIfUpgraded, clock.instant()));
            PackageManager manager = system.manager().get().orElse(PackageManager.DNF5);
            Reading<VersionLocks> locks = inspection.locks(request.root(), manager);
            locks.get().ifPresentOrElse(l -> { }, () -> warnings.add(CheckService.unreadable((Reading.Unavailable<?>) locks)));
            assessment = Optional.of(UpgradeAssessment.assess(target.get(), all, installed,
                    locks.get().orElse(VersionLocks.NONE)));
            CheckService.incidentData(statuses, live).ifPresent(cannot::add);
        }
        PackageKitView pk = inspection.packageKit(request.root()).get().orElse(PackageKitView.NONE);
        return new UpgradeReport(from, assessment, live.commonIssues(), inspection.staged(request.root(), pk), statuses,
                live.sources(), cannot, warnings, clock.instant());
    }
}
