package org.fedoraproject.preflight.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.adapter.feed.FeedRepository;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.Assessor;
import org.fedoraproject.preflight.assess.SinceLookup;
import org.fedoraproject.preflight.assess.SystemFacts;
import org.fedoraproject.preflight.guide.HoldAdvice;
import org.fedoraproject.preflight.incident.EpochCheck;
import org.fedoraproject.preflight.incident.SourceExpansion;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.PendingUpdates;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.StagedDeployment;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.UpdateSets;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.signal.DerivedIncidents;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.signal.Signals;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;

/**
 * Use case: is it safe to update right now? Reads the system and refreshes every feed at the
 * same time, merges the feeds' incidents and assesses the system against them.
 */
public final class CheckService {

    /** What to check: a root or this machine, feeds besides the configured ones, offline, or the demo. */
    public record Request(Optional<Path> root, List<FeedSource> extraFeeds, boolean offline, boolean demo, boolean refresh) {
        public Request {
            extraFeeds = List.copyOf(extraFeeds);
        }

        /** A check on the metadata dnf (or an earlier refresh) already has. */
        public Request(Optional<Path> root, List<FeedSource> extraFeeds, boolean offline, boolean demo) {
            this(root, extraFeeds, offline, demo, false);
        }

        /** The same check, with fresh repository metadata first (as the user, into Preflight's own cache). */
        public Request refreshing() {
            return new Request(root, extraFeeds, offline, demo, !offline && !demo);
        }
    }

    private final Systems systems;
    private final FeedRefreshes feedRefreshes;
    private final SignalGathering signals;
    private final SettingsStore settings;
    private final Executor executor;
    private final Clock clock;

    public CheckService(Systems systems, FeedRepository feeds, SignalSources signals, SettingsStore settings,
                        Executor executor, Clock clock) {
        this.systems = systems;
        this.feedRefreshes = new FeedRefreshes(feeds, executor);
        this.signals = new SignalGathering(signals, systems.machine(), executor);
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
    }

    public CheckReport check(Request request) {
        SystemPort inspection = systems.of(request);
        Optional<FeedStatus> ownFeed = inspection.ownFeed();
        List<Text> warnings = new ArrayList<>();
        SystemSnapshot system;
        List<FeedStatus> statuses = new ArrayList<>();
        Signals live = Signals.NONE;
        PackageKitView packageKit = PackageKitView.NONE;
        UpdateSets sets = UpdateSets.of(Reading.of(new PendingUpdates(List.of(),
                Optional.empty())), PackageKitView.NONE);
        if (ownFeed.isPresent()) {
            // The demo: its own feed, and no configured feed or Fedora source asked about a made-up system.
            system = inspection.snapshotWithoutHistory(request.root());
            statuses.add(ownFeed.get());
        } else {
            SettingsStore.Loaded loaded = settings.load();
            List<CompletableFuture<FeedStatus>> refreshes = feedRefreshes.start(loaded, request, warnings);
            if (request.refresh()) {
                Reading<Instant> fresh = inspection.refresh(request.root());
                if (fresh instanceof Reading.Unavailable<Instant> u) {
                    warnings.add(Text.of("check.warning.refresh", u.message()));
                }
            }
            CompletableFuture<Reading<PackageKitView>> pk = CompletableFuture.supplyAsync(
                    () -> inspection.packageKit(request.root()), executor);
            // Fedora's sources that need only the release are asked while dnf reads the system.
            SignalGathering.Started sources = signals.start(request.root(), inspection.os(request.root()).get(), loaded.settings(),
                    request.offline(), request.refresh());
            system = inspection.snapshotWithoutHistory(request.root());
            packageKit = packageKit(pk, warnings);
            if (system.manager().get().filter(m -> m == PackageManager.RPM_OSTREE).isPresent()) {
                // PackageKit does not run on Atomic desktops: the staged deployment is what waits for the restart.
                packageKit = StagedDeployment.asPrepared(system.history());
            }
            sets = UpdateSets.of(system.pending(), packageKit);
            system = new SystemSnapshot(system.os(), system.manager(), system.installed(), sets.merged(), system.history(),
                    system.deployments(), system.takenAt(), system.boot());
            if (sets.differ()) {
                warnings.add(Text.of(sets.onlyDnf().isEmpty() ? "check.warning.onlyPackageKit"
                        : sets.onlyPackageKit().isEmpty() ? "check.warning.onlyDnf" : "check.warning.bothDiffer",
                        names(sets.onlyPackageKit()), names(sets.onlyDnf())));
            }
            live = sources.gather(system, request.root(), sourceOf(system));
            refreshes.forEach(f -> statuses.add(f.join()));
            live.problems().forEach(p -> warnings.add(p.said()));
        }
        List<SourcedIncident> incidents = bySourcePackage(derived(CheckReport.merge(statuses), live, system), system, request,
                inspection, warnings);
        // Problems met while looking up the history (during the assessment) join the warnings.
        SinceLookup since = wanted -> {
            Set<String> names = wanted.stream().map(Nevra::name).collect(Collectors.toSet());
            History history = inspection.history(request.root(), names);
            history.problems().forEach(p -> warnings.add(Text.of("check.warning.history", p.source(), p.reason())));
            return SinceLookup.of(history.transactions()).find(wanted);
        };
        List<HoldAdvice> holds = holds(request, inspection, system, incidents, warnings);
        Optional<String> commandRoot = inspection.commandRoot(request.root());
        return assess(system, statuses, incidents, holds, warnings, since, live, commandRoot, packageKit, sets);
    }

    /** PackageKit's view, waited for at most PACKAGEKIT_WAIT: a daemon that is slow to start must not hold up the verdict. */
    private static PackageKitView packageKit(CompletableFuture<Reading<PackageKitView>> read, List<Text> warnings) {
        try {
            Reading<PackageKitView> r = read.get(PACKAGEKIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (r instanceof Reading.Unavailable<PackageKitView> u) {
                warnings.add(unreadable(u));
            }
            return r.get().orElse(PackageKitView.NONE);
        } catch (TimeoutException e) {
            warnings.add(Text.of("check.warning.packageKitSlow", PACKAGEKIT_WAIT.toSeconds()));
        } catch (ExecutionException e) {
            warnings.add(Text.of("check.warning.source", "PackageKit", String.valueOf(e.getCause().getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return PackageKitView.NONE;
    }

    static final Duration PACKAGEKIT_WAIT = Duration.ofSeconds(25);

    private static List<String> names(List<Nevra> nevras) {
        return nevras.stream().map(n -> n.name() + " " + n.evr()).toList();
    }

    /** What could not be read, and why: the source's name and its own words. */
    static Text unreadable(Reading.Unavailable<?> u) {
        return Text.of("check.warning.source", u.source(), u.reason());
    }

    /**
     * What to do with the versionlock entries that incidents concern. Only when a lock keeps an
     * affected version is dnf asked which versions the repositories have (a lock hides the fix
     * from check-upgrade, not from repoquery), so a check without such a lock runs no extra command.
     */
    private static List<HoldAdvice> holds(Request request, SystemPort inspection, SystemSnapshot system,
                                          List<SourcedIncident> incidents, List<Text> warnings) {
        PackageManager manager = system.manager().get().orElse(PackageManager.DNF5);
        Reading<VersionLocks> read = inspection.locks(request.root(), manager);
        read.get().ifPresentOrElse(h -> { }, () -> warnings.add(unreadable((Reading.Unavailable<?>) read)));
        VersionLocks locks = read.get().orElse(VersionLocks.NONE);
        locks.invalid().forEach(i -> warnings.add(Text.untranslated(i)));
        List<InstalledPackage> installed = system.installed().get().orElse(List.of());
        Set<String> pinning = HoldAdvice.pinningAffected(locks, installed, incidents);
        Map<String, Set<Evr>> available = Map.of();
        if (!pinning.isEmpty()) {
            Reading<Map<String, Set<Evr>>> versions =
                    inspection.available(request.root(), manager, pinning);
            versions.get().ifPresentOrElse(v -> { }, () -> warnings.add(unreadable((Reading.Unavailable<?>) versions)));
            available = versions.get().orElse(Map.of());
        }
        return HoldAdvice.of(locks, installed, incidents, available, manager, inspection.commandRoot(request.root()));
    }

    /** The source package of each installed package, and "" for a pending one not installed under its name. */
    static Map<String, String> sourceOf(SystemSnapshot system) {
        Map<String, String> sourceOf = new HashMap<>();
        system.installed().get().orElse(List.of()).forEach(p -> sourceOf.putIfAbsent(p.nevra().name(), p.source()));
        // An update's source is, but for a rename, that of the version it replaces.
        system.pending().get().map(p -> p.updates()).orElse(List.of()).forEach(u -> sourceOf.putIfAbsent(u.nevra().name(), ""));
        return sourceOf;
    }

    /** The feeds' incidents with Fedora's evidence added, and the incidents derived where no feed has one. */
    private List<SourcedIncident> derived(List<SourcedIncident> curated, Signals live, SystemSnapshot system) {
        if (live.sources().isEmpty()) {
            return curated;
        }
        Map<String, Long> epochOf = new HashMap<>();
        Map<String, String> sourceOf = sourceOf(system);
        system.installed().get().orElse(List.of()).forEach(p -> {
            epochOf.merge(p.source(), p.nevra().evr().epoch(), Math::max);
            epochOf.merge(p.nevra().name(), p.nevra().evr().epoch(), Math::max);
        });
        String release = system.os().get().map(OsRelease::versionId).orElse("");
        List<PendingUpdate> pending = system.pending().get().map(p -> p.updates()).orElse(List.of());
        return DerivedIncidents.derive(curated, live, new DerivedIncidents.Facts(release, sourceOf, epochOf, pending, clock.instant()));
    }

    /**
     * The incidents with their source-package entries turned into this system's binary packages
     * (SourceExpansion), and a warning for each range that cannot match an installed package's
     * epoch. dnf is asked for the pending updates' source packages only when an entry needs them.
     */
    private static List<SourcedIncident> bySourcePackage(List<SourcedIncident> incidents, SystemSnapshot system,
                                                         Request request, SystemPort inspection, List<Text> warnings) {
        List<InstalledPackage> installed = system.installed().get().orElse(List.of());
        List<PendingUpdate> pending = system.pending().get().map(p -> p.updates()).orElse(List.of());
        String release = system.os().get().map(OsRelease::versionId).orElse("");
        List<SourcedIncident> applicable = incidents.stream().filter(s -> s.incident().forRelease(release)).toList();
        Map<String, String> sourceOf = sourceOf(system);
        Map<String, Set<Long>> epochs = new HashMap<>();
        for (InstalledPackage p : installed) {
            epochs.computeIfAbsent(p.nevra().name(), n -> new TreeSet<>()).add(p.nevra().evr().epoch());
        }
        if (!pending.isEmpty() && SourceExpansion.needsSources(applicable)) {
            PackageManager manager = system.manager().get().orElse(PackageManager.DNF5);
            Reading<Map<String, String>> read = inspection.pendingSources(request.root(), manager);
            read.get().ifPresentOrElse(sourceOf::putAll, () -> warnings.add(unreadable((Reading.Unavailable<?>) read)));
        }
        SourceExpansion.Expanded expanded =
                SourceExpansion.expand(incidents, sourceOf);
        warnings.addAll(Text.untranslated(expanded.notes()));
        warnings.addAll(Text.untranslated(EpochCheck.warnings(applicable, epochs)));
        return expanded.incidents();
    }

    /**
     * Why there is no incident data to compare the updates with, if so: a verdict rests on a feed
     * that was read (or kept) or on at least one of Fedora's sources (Bodhi, Bugzilla, Common
     * Issues) that answered (or whose answer was kept). None of them: could not check, never safe.
     */
    static Optional<Text> incidentData(List<FeedStatus> statuses, Signals live) {
        boolean feed = statuses.stream().anyMatch(s -> s.feed().isPresent());
        boolean fedora = live.sources().stream().filter(s -> !s.source().equals(SignalGathering.UPDATEINFO))
                .anyMatch(SourceState::counts);
        if (feed || fedora) {
            return Optional.empty();
        }
        Text feeds = Text.of(statuses.isEmpty() ? "check.noData.noFeed" : "check.noData.feedUnreadable");
        // The sources by name: each one's reason is its own line already, and one sentence stays one short line.
        List<String> failed = live.sources().stream()
                .filter(s -> s.state() == SourceState.State.FAILED)
                .map(SourceState::source).toList();
        List<String> off = live.sources().stream().filter(s -> s.state() == SourceState.State.OFF)
                .map(SourceState::source).toList();
        Text fedoraWhy = !failed.isEmpty() ? Text.of("check.noData.sourcesFailed", failed)
                : Text.of(!off.isEmpty() && live.sources().stream().allMatch(s -> s.state() == SourceState.State.OFF
                        || s.source().equals(SignalGathering.UPDATEINFO)) ? "check.noData.sourcesOff" : "check.noData.sourcesNotAsked");
        return Optional.of(Text.of("check.noData", feeds, fedoraWhy, "--feed URL"));
    }

    /**
     * The check the background runs: with fresh metadata first when what there is is older than
     * the check interval (or its age is unknown), so that a background verdict is never about
     * updates dnf saw days ago.
     */
    public CheckReport checkFresh(Request request, Duration interval) {
        if (request.offline()) {
            return check(request);
        }
        Optional<Instant> time = systems.of(request).metadataTime(request.root());
        boolean old = time.isEmpty() || time.get().isBefore(clock.instant().minus(interval));
        return check(old ? request.refreshing() : request);
    }

    /** The whole transaction history of the system checked (the demo's own for the demo). */
    public History history(Request request) {
        return systems.of(request).history(request.root());
    }

    CheckReport assess(SystemSnapshot system, List<FeedStatus> statuses, List<SourcedIncident> incidents,
                       List<HoldAdvice> holds, List<Text> warnings, SinceLookup since, Signals live,
                       Optional<String> commandRoot, PackageKitView packageKit, UpdateSets sets) {
        List<Text> cannot = new ArrayList<>();
        List<Text> uncheckedBecause = new ArrayList<>();
        Optional<OsRelease> os = system.os().get();
        if (system.os() instanceof Reading.Unavailable<OsRelease> u) {
            cannot.add(Text.of("check.cannot.whichSystem", u.source(), u.reason()));
        } else if (!os.get().isFedora()) {
            cannot.add(Text.of("check.cannot.notFedora", os.get().prettyName(), "preflight check --demo"));
        } else if (!os.get().plainRelease()) {
            cannot.add(Text.of("check.cannot.badRelease", os.get().versionId()));
        }
        uncheckedBecause.addAll(cannot);
        if (system.installed() instanceof Reading.Unavailable<?> u) {
            cannot.add(Text.of("check.cannot.installed", u.source(), u.reason()));
        }
        if (system.pending() instanceof Reading.Unavailable<?> u) {
            cannot.add(Text.of("check.cannot.pending", u.source(), u.reason()));
        }
        incidentData(statuses, live).ifPresent(why -> {
            cannot.add(why);
            uncheckedBecause.add(why);
        });
        List<InstalledPackage> installed = system.installed().get().orElse(List.of());
        List<PendingUpdate> pending = system.pending().get().map(p -> p.updates()).orElse(List.of());
        String arch = SystemFacts.archOf(installed);
        SystemFacts facts = new SystemFacts(os.map(OsRelease::versionId).orElse(""), os.map(OsRelease::variantId).orElse(""),
                arch, installed, pending, since, system.boot());
        Assessment assessment = SignalJudge.apply(Assessor.assess(facts, incidents), live);
        if (!uncheckedBecause.isEmpty()) {
            assessment = assessment.unchecked(Messages.english().render(uncheckedBecause.get(0)));
        }
        return new CheckReport(system, arch, statuses, assessment, holds, cannot, warnings, clock.instant(), live,
                commandRoot, packageKit, sets);
    }
}
