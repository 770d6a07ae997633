package org.fedoraproject.preflight.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.Bug;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.DerivedIncidents;
import org.fedoraproject.preflight.signal.Release;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.signal.Signals;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Problem;

/**
 * Asks Fedora's sources what they know about this system, as the settings allow: the updateinfo
 * (from dnf's cache) first, for it names the Bodhi update of each pending package; then Bodhi,
 * Common Issues (the topics, then their first posts, then the bugs they link) and Bugzilla
 * (CommonBugs for the release; open bugs filed against a pending update's component since its
 * advisory was issued) at the same time.
 */
final class SignalGathering {

    static final String UPDATEINFO = SourceState.UPDATEINFO;

    private final SignalSources allSources;
    private final SystemPort system;
    private final Executor executor;

    SignalGathering(SignalSources sources, SystemPort system, Executor executor) {
        this.allSources = sources;
        this.system = system;
        this.executor = executor;
    }

    /**
     * The reads that need only the release (CommonBugs, Fedora's releases, the Common Issues
     * topics with their first posts), started now: they run while dnf reads the system, and
     * {@link Started#gather} joins them with what needs the pending updates.
     * {@code fresh}: the user asked for fresh data (check --refresh, Check again): every source is
     * asked, conditionally, whatever its freshness.
     */
    Started start(Optional<Path> root, Optional<OsRelease> os, Settings settings, boolean offline, boolean fresh) {
        Optional<String> release = os.filter(OsRelease::isFedora).filter(OsRelease::plainRelease).map(OsRelease::versionId);
        Started started = new Started((fresh ? allSources.askingEveryTime() : allSources).forOneCheck(), settings, release, offline, false);
        // The updateinfo serves the Bodhi and Bugzilla joins; with both off it is not read.
        if (settings.bodhi() || settings.bugzilla()) {
            started.updateinfo = CompletableFuture.supplyAsync(() -> system.cachedAdvisories(root), executor);
        }
        return started;
    }

    /** Fedora's releases, as Bodhi lists them. */
    SignalSources.Read<Release> releases(boolean offline) {
        return allSources.releases(offline);
    }

    /**
     * What Fedora's sources say about release {@code target}, for an upgrade to it: its Common
     * Issues and CommonBugs, and Fedora's releases; no pending updates (they are this release's).
     */
    Signals gatherForUpgrade(SystemSnapshot system, Settings settings, Optional<Path> root, Map<String, String> sourceOf,
                             boolean offline, String target) {
        return new Started(allSources.forOneCheck(), settings, Optional.of(target), offline, true).gather(system, root, sourceOf,
                List.of());
    }

    /** One check's reads of Fedora's sources, one deadline per source: those that need only the release already under way. */
    final class Started {
        private final SignalSources sources;
        private final Settings settings;
        private final Optional<String> release;
        private final boolean offline;
        private final boolean upgrade;
        private final CompletableFuture<SignalSources.Read<Bug>> commonBugs;
        private final CompletableFuture<SignalSources.Read<Release>> releases;
        private final CompletableFuture<SignalSources.Read<CommonIssue>> topics;
        /** dnf's cached updateinfo, parsed ahead; null: parsed when needed. */
        private CompletableFuture<SystemPort.AdvisoryCache> updateinfo;

        private Started(SignalSources sources, Settings settings, Optional<String> release, boolean offline, boolean upgrade) {
            this.sources = sources;
            this.settings = settings;
            this.release = release;
            this.offline = offline;
            this.upgrade = upgrade;
            this.commonBugs = settings.bugzilla() && release.isPresent()
                    ? async(() -> sources.commonBugs(release.get(), offline)) : done(SignalSources.BUGZILLA);
            this.releases = settings.bodhi() ? async(() -> sources.releases(offline)) : done(SignalSources.BODHI);
            this.topics = settings.commonIssues() && release.isPresent()
                    ? async(() -> withPosts(sources, sources.commonIssues(release.get(), offline), offline))
                    : done(SignalSources.COMMON_ISSUES_SOURCE);
        }

        /** What Fedora's sources say about this system; {@code sourceOf}: the source package of each installed (and pending) package. */
        Signals gather(SystemSnapshot system, Optional<Path> root, Map<String, String> sourceOf) {
            return gather(system, root, sourceOf, system.pending().get().map(p -> p.updates()).orElse(List.of()));
        }

        private Signals gather(SystemSnapshot system, Optional<Path> root, Map<String, String> sourceOf, List<PendingUpdate> pending) {
            List<SourceState> states = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            List<Advisory> advisories = List.of();
            // The updateinfo serves the Bodhi and Bugzilla joins; with both off it is not read.
            if (!pending.isEmpty() && system.manager().get().isPresent() && (settings.bodhi() || settings.bugzilla())) {
                SystemPort.AdvisoryCache cache = updateinfo != null ? updateinfo.join()
                        : SignalGathering.this.system.cachedAdvisories(root);
                Reading<List<Advisory>> read = cache.select(system);
                advisories = read.get().orElse(List.of());
                if (read instanceof Reading.Unavailable<?> u) {
                    problems.add(u.problem());
                    states.add(new SourceState(UPDATEINFO, SourceState.State.FAILED, Optional.empty(), Optional.of(u.problem())));
                } else {
                    states.add(new SourceState(UPDATEINFO, SourceState.State.ANSWERED,
                            system.pending().get().flatMap(p -> p.metadataTime()), Optional.empty()));
                }
            }
            List<Advisory> known = advisories;
            CompletableFuture<BodhiRead> bodhi = settings.bodhi() && !pending.isEmpty()
                    ? CompletableFuture.supplyAsync(() -> bodhi(sources, pending, known, offline), executor)
                    : CompletableFuture.completedFuture(null);
            // The search for bugs filed since each update was submitted waits for Bodhi, which knows
            // when (updateinfo as dnf prints it gives only when the update went stable).
            CompletableFuture<SignalSources.Read<Bug>> filed = settings.bugzilla() && release.isPresent()
                    ? bodhi.thenApplyAsync(b -> filedSince(sources, release.get(), pending, known, submitted(b), sourceOf, offline), executor)
                    : done(SignalSources.BUGZILLA);

            SignalSources.Read<CommonIssue> issues = topics.join();
            Set<Long> linked = new LinkedHashSet<>();
            issues.items().forEach(t -> linked.addAll(DerivedIncidents.bugLinksOf(t)));
            SignalSources.Read<Bug> common = commonBugs.join();
            common.items().forEach(b -> linked.remove(b.id()));
            SignalSources.Read<Bug> topicBugs = settings.bugzilla() && !linked.isEmpty() ? sources.bugs(linked, offline)
                    : new SignalSources.Read<>(List.of(), SourceState.off(SignalSources.BUGZILLA));
            SignalSources.Read<Bug> since = filed.join();
            BodhiRead b = bodhi.join();
            SignalSources.Read<Release> releaseList = releases.join();
            if (upgrade && settings.bodhi()) {
                states.add(releaseList.state()); // for an upgrade, Bodhi's word is the release list
            }

            List<Bug> bugs = new ArrayList<>(common.items());
            bugs.addAll(topicBugs.items());
            Map<Nevra, List<Bug>> filedSince = filedByUpdate(since.items(), pending, known, submitted(b), sourceOf);
            if (b != null) {
                states.add(b.state);
            }
            if (settings.bugzilla() && release.isPresent()) {
                states.add(SourceState.combined(SignalSources.BUGZILLA, List.of(common.state(), topicBugs.state(), since.state())));
            } else {
                states.add(SourceState.off(SignalSources.BUGZILLA));
            }
            states.add(settings.commonIssues() && release.isPresent() ? issues.state() : SourceState.off(SignalSources.COMMON_ISSUES_SOURCE));
            if (!settings.bodhi()) {
                states.add(SourceState.off(SignalSources.BODHI));
            }
            states.stream().filter(s -> !s.source().equals(UPDATEINFO)).forEach(s -> s.problem().ifPresent(problems::add));
            return new Signals(b == null ? Map.of() : SignalSources.byBuild(b.byBuild),
                    b == null ? Map.of() : byAlias(b.byAlias), advisories, issues.items(), bugs, filedSince, states, problems,
                    releaseList.items());
        }
    }

    private record BodhiRead(List<BodhiUpdate> byBuild, List<BodhiUpdate> byAlias, SourceState state) {
    }

    /**
     * Bodhi by the advisories' aliases for the updates that have one; the others in two rounds:
     * by their own NVR, then by the names their source package may have (SignalJudge.candidates).
     */
    private BodhiRead bodhi(SignalSources sources, List<PendingUpdate> pending, List<Advisory> advisories, boolean offline) {
        Signals withAdvisories = new Signals(Map.of(), Map.of(), advisories, List.of(), List.of(), Map.of(), List.of(), List.of(),
                List.of());
        List<String> aliases = pending.stream().flatMap(u -> SignalJudge.advisoryOf(u, withAdvisories).stream())
                .map(Advisory::id).filter(Advisory::isBodhiAlias).distinct().toList();
        List<PendingUpdate> rest = pending.stream().filter(u -> SignalJudge.advisoryOf(u, withAdvisories)
                .filter(a -> Advisory.isBodhiAlias(a.id())).isEmpty()).toList();
        List<SourceState> states = new ArrayList<>();
        List<BodhiUpdate> byAlias = List.of();
        if (!aliases.isEmpty()) {
            SignalSources.Read<BodhiUpdate> read = sources.bodhiByAlias(aliases, offline);
            byAlias = read.items();
            states.add(read.state());
        }
        List<BodhiUpdate> byBuild = new ArrayList<>();
        if (!rest.isEmpty()) {
            SignalSources.Read<BodhiUpdate> first = sources.bodhi(rest.stream().map(SignalJudge::nvr).distinct().toList(), offline);
            byBuild.addAll(first.items());
            states.add(first.state());
            Signals found = Signals.of(SignalSources.byBuild(first.items()), List.of());
            List<String> more = rest.stream().filter(u -> SignalJudge.bodhiOf(u, found).isEmpty())
                    .flatMap(u -> SignalJudge.candidates(u).stream().skip(1)).distinct().toList();
            if (!more.isEmpty() && first.state().problem().isEmpty()) {
                SignalSources.Read<BodhiUpdate> second = sources.bodhi(more, offline);
                byBuild.addAll(second.items());
                states.add(second.state());
            }
        }
        return new BodhiRead(byBuild, byAlias, SourceState.combined(SignalSources.BODHI, states));
    }

    private SignalSources.Read<CommonIssue> withPosts(SignalSources sources, SignalSources.Read<CommonIssue> list, boolean offline) {
        if (list.items().isEmpty()) {
            return list;
        }
        SignalSources.Read<CommonIssue> posts = sources.firstPosts(list.items(), offline);
        return new SignalSources.Read<>(posts.items(),
                SourceState.combined(SignalSources.COMMON_ISSUES_SOURCE, List.of(list.state(), posts.state())));
    }

    /** The components of the pending updates that have an advisory, asked since the earliest submission. */
    private SignalSources.Read<Bug> filedSince(SignalSources sources, String release, List<PendingUpdate> pending, List<Advisory> advisories,
                                               Map<String, Instant> submitted, Map<String, String> sourceOf, boolean offline) {
        Map<String, Instant> since = new TreeMap<>(); // sorted: the same search URL (and kept answer) each time
        for (PendingUpdate u : pending) {
            Optional<Instant> start = submittedOf(u, advisories, submitted);
            String component = sourceOf.getOrDefault(u.nevra().name(), "");
            if (start.isPresent() && !component.isEmpty()) {
                since.merge(component, start.get(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (since.isEmpty()) {
            return new SignalSources.Read<>(List.of(), SourceState.off(SignalSources.BUGZILLA)); // nothing to ask
        }
        Instant earliest = since.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        return sources.bugsFiledSince(release, since.keySet(), earliest, offline);
    }

    /** Each pending update's bugs: those against its component filed at or after its own update was submitted. */
    private static Map<Nevra, List<Bug>> filedByUpdate(List<Bug> bugs, List<PendingUpdate> pending, List<Advisory> advisories,
                                                       Map<String, Instant> submitted, Map<String, String> sourceOf) {
        Map<Nevra, List<Bug>> out = new HashMap<>();
        for (PendingUpdate u : pending) {
            Optional<Instant> start = submittedOf(u, advisories, submitted);
            String component = sourceOf.getOrDefault(u.nevra().name(), "");
            if (start.isEmpty() || component.isEmpty()) {
                continue;
            }
            List<Bug> mine = bugs.stream().filter(b -> b.open() && b.component().equals(component)
                    && !b.created().isBefore(start.get())).toList();
            if (!mine.isEmpty()) {
                out.put(u.nevra(), mine);
            }
        }
        return out;
    }

    /**
     * When the update that ships this package was submitted to Bodhi (bugs filed while it was in
     * testing count), else the advisory's date as dnf gives it (when it went stable).
     */
    private static Optional<Instant> submittedOf(PendingUpdate u, List<Advisory> advisories, Map<String, Instant> submitted) {
        Optional<Advisory> advisory = advisories.stream().filter(a -> a.ships(u.nevra())).findFirst();
        return advisory.map(a -> submitted.get(a.id())).or(() -> advisory.flatMap(Advisory::issued));
    }

    /** Bodhi's submission date of each update it answered for, by alias. */
    private static Map<String, Instant> submitted(BodhiRead read) {
        Map<String, Instant> map = new HashMap<>();
        if (read != null) {
            read.byAlias().forEach(u -> u.submitted().ifPresent(t -> map.put(u.alias(), t)));
        }
        return map;
    }

    private static Map<String, BodhiUpdate> byAlias(List<BodhiUpdate> updates) {
        Map<String, BodhiUpdate> map = new HashMap<>();
        updates.forEach(u -> map.putIfAbsent(u.alias(), u));
        return map;
    }

    private <T> CompletableFuture<SignalSources.Read<T>> async(Supplier<SignalSources.Read<T>> read) {
        return CompletableFuture.supplyAsync(read, executor);
    }

    private static <T> CompletableFuture<SignalSources.Read<T>> done(String source) {
        return CompletableFuture.completedFuture(new SignalSources.Read<>(List.of(), SourceState.off(source)));
    }
}
