package org.fedoraproject.preflight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.adapter.feed.FeedCache;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.feed.FeedReadResult;
import org.fedoraproject.preflight.adapter.feed.FeedRepository;
import org.fedoraproject.preflight.adapter.feed.FeedState;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.adapter.feed.TrustStore;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.PendingUpdates;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.StagedUpgrade;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check and the guide as use cases, on a system behind the port that a test makes up: no
 * rpm, no dnf, no network; milliseconds. The real roots are the ITs' business.
 */
class UseCasesOnFakeSystemTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String FEED = """
            {"format": "preflight-incidents/1", "publisher": "test", "generated": "2026-11-30T08:00:00Z",
             "expires": "2027-11-30T08:00:00Z", "incidents": [
              {"id": "FPS-2026-0100", "title": "Black screen", "summary": "s", "status": "identified", "severity": "major",
               "published": "2026-11-20T09:00:00Z", "modified": "2026-11-21T09:00:00Z", "resolved": null,
               "releases": ["43"], "affected": [
                 {"name": "mesa-libGL", "introduced": "25.1.4-1.fc43", "last_good": "25.1.2-1.fc43"}],
               "bad_updates": [], "fix": {"updates": []}, "workarounds": [], "links": [], "timeline": []}]}
            """;

    @TempDir
    Path dir;

    /** A Fedora 43 Workstation made of values; what it was asked is recorded. */
    static final class FakeSystem implements SystemPort {
        List<InstalledPackage> installed = new ArrayList<>();
        List<PendingUpdate> pending = new ArrayList<>();
        List<Transaction> history = new ArrayList<>();
        Reading<Map<String, Set<Evr>>> available = Reading.of(Map.of());
        Optional<String> commandRoot = Optional.empty();
        VersionLocks locks = VersionLocks.NONE;
        final List<Set<String>> historyAsked = new ArrayList<>();

        @Override
        public Reading<OsRelease> os(Optional<Path> root) {
            return Reading.of(OsRelease.of(Map.of("ID", "fedora", "VERSION_ID", "43", "VARIANT_ID", "workstation",
                    "PRETTY_NAME", "Fedora Linux 43 (Workstation Edition)")));
        }

        @Override
        public SystemSnapshot snapshotWithoutHistory(Optional<Path> root) {
            return new SystemSnapshot(os(root), Reading.of(PackageManager.DNF5), Reading.of(installed),
                    Reading.of(new PendingUpdates(pending, Optional.of(NOW))), History.merge(List.of()), List.of(), NOW, Boot.UNKNOWN);
        }

        @Override
        public Reading<List<InstalledPackage>> installed(Optional<Path> root) {
            return Reading.of(installed);
        }

        @Override
        public Reading<Evidence> journal(Optional<Path> root, Optional<Path> directory, Instant since) {
            return Reading.of(Evidence.NONE);
        }

        @Override
        public History history(Optional<Path> root) {
            return History.merge(List.of(Reading.of(history)));
        }

        @Override
        public History history(Optional<Path> root, Set<String> names) {
            historyAsked.add(names);
            return history(root);
        }

        @Override
        public Reading<Map<String, Set<Evr>>> available(Optional<Path> root, PackageManager manager, Set<String> names) {
            return available;
        }

        @Override
        public Optional<String> commandRoot(Optional<Path> root) {
            return commandRoot;
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
            return Reading.unavailable("refresh", "not in a test");
        }

        @Override
        public Optional<Instant> metadataTime(Optional<Path> root) {
            return Optional.of(NOW);
        }

        @Override
        public List<StagedUpgrade> staged(Optional<Path> root, PackageKitView packageKit) {
            return List.of();
        }

        @Override
        public Reading<VersionLocks> locks(Optional<Path> root, PackageManager manager) {
            return Reading.of(locks);
        }

        @Override
        public AdvisoryCache cachedAdvisories(Optional<Path> root) {
            return system -> Reading.of(List.of());
        }

        @Override
        public Optional<FeedStatus> ownFeed() {
            FeedReadResult.Accepted read = (FeedReadResult.Accepted) FeedParser.parse(FEED);
            return Optional.of(new FeedStatus("test feed", Optional.of(read.feed()), Optional.of(NOW), false, false,
                    Optional.empty(), Optional.of("test"), read.problems()));
        }
    }

    private final FakeSystem system = new FakeSystem();

    private CheckService checks() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FeedRepository feeds = new FeedRepository(() -> {
            throw new AssertionError("the fake system brings its own feed: nothing is downloaded");
        }, new FeedCache(dir.resolve("feeds")), new FeedState(dir.resolve("state")), TrustStore.load(dir.resolve("keys")), clock);
        SignalSources sources = new SignalSources(() -> {
            throw new AssertionError("no source is asked");
        }, dir.resolve("signals"), SignalSources.Endpoints.FEDORA, clock);
        // The fake is the demo's place as well as the machine's: whichever the request names, it is asked.
        return new CheckService(new Systems(system, system), feeds, sources, new SettingsStore(dir.resolve("config")),
                Runnable::run, clock);
    }

    private static final CheckService.Request REQUEST = new CheckService.Request(Optional.empty(), List.of(), true, false);

    private static InstalledPackage installed(String nevra) {
        return new InstalledPackage(Nevra.parse(nevra), Instant.parse("2026-11-22T08:00:00Z"), "mesa");
    }

    @Test
    void aPendingUpdateIntoAnOpenIncidentsRangeIsHeld() {
        system.installed.add(installed("mesa-libGL-25.1.2-1.fc43.x86_64"));
        system.pending.add(new PendingUpdate(Nevra.parse("mesa-libGL-25.1.4-1.fc43.x86_64"), "updates", List.of()));

        CheckReport report = checks().check(REQUEST);

        assertEquals(UpdateVerdict.HOLD, report.assessment().updates().get(0).verdict());
        assertEquals(Relation.AT_RISK, report.assessment().incidents().get(0).relation());
        assertTrue(report.complete(), report.cannotCheck().toString());
    }

    @Test
    void theSummaryListsTheHoldThenTheRestWithTheCommandThatLeavesItOut() {
        system.installed.add(installed("mesa-libGL-25.1.2-1.fc43.x86_64"));
        system.installed.add(installed("htop-3.4.1-1.fc43.x86_64"));
        system.pending.add(new PendingUpdate(Nevra.parse("htop-3.4.2-1.fc43.x86_64"), "updates", List.of()));
        system.pending.add(new PendingUpdate(Nevra.parse("mesa-libGL-25.1.4-1.fc43.x86_64"), "updates", List.of()));

        CheckSummary summary = CheckSummary.of(checks().check(REQUEST));

        assertEquals(Outlook.HOLD, summary.outlook());
        assertEquals(CheckSummary.Headline.HOLD, summary.headline());
        assertEquals(Text.of("next.hold", 1L, 2), summary.next());
        assertEquals(List.of(ToDo.Kind.HOLD, ToDo.Kind.REST), summary.todo().stream().map(ToDo::kind).toList());
        ToDo hold = summary.todo().get(0);
        assertEquals(Optional.of("FPS-2026-0100"), hold.incident());
        assertEquals("Hold mesa-libGL: FPS-2026-0100 (Major) \u2014 Black screen.", Messages.english().render(hold.text()));
        assertEquals(Optional.of("sudo dnf5 upgrade --exclude=mesa-libGL"), summary.todo().get(1).command());
        assertEquals("Update the rest (1 update)", Messages.english().render(summary.todo().get(1).brief()));
    }

    @Test
    void aHoldTheUserSetIsListedAsHeldByThemAndTheHeadlineCountsIt() {
        system.installed.add(installed("mesa-libGL-25.1.2-1.fc43.x86_64"));
        system.installed.add(installed("htop-3.4.1-1.fc43.x86_64"));
        system.pending.add(new PendingUpdate(Nevra.parse("htop-3.4.2-1.fc43.x86_64"), "updates", List.of()));
        system.pending.add(new PendingUpdate(Nevra.parse("mesa-libGL-25.1.4-1.fc43.x86_64"), "updates", List.of()));
        system.locks = new VersionLocks(VersionLocks.Flavour.DNF5, List.of(new VersionLocks.Entry("mesa-libGL",
                List.of(new VersionLocks.Condition("evr", "=", "0:25.1.2-1.fc43")), false, "mesa-libGL")));

        CheckSummary summary = CheckSummary.of(checks().check(REQUEST));

        assertEquals(List.of(ToDo.Kind.HOLD, ToDo.Kind.HELD, ToDo.Kind.REST), summary.todo().stream().map(ToDo::kind).toList());
        assertEquals("mesa-libGL is held by you while FPS-2026-0100 is open: keep it held.",
                Messages.english().render(summary.todo().get(1).text()));
        assertEquals(Text.of("next.holdWithHeld", 1L, 2, 1), summary.next());
    }

    @Test
    void theSummaryOfAnAffectedSystemWithNothingPendingSaysSoAndHasNothingToHold() {
        system.installed.add(installed("mesa-libGL-25.1.4-1.fc43.x86_64"));

        CheckSummary summary = CheckSummary.of(checks().check(REQUEST));

        assertEquals(Outlook.AFFECTED, summary.outlook());
        assertEquals(CheckSummary.Headline.AFFECTED, summary.headline());
        assertEquals(List.of(ToDo.Kind.AFFECTED), summary.todo().stream().map(ToDo::kind).toList());
        assertEquals("This system is affected by FPS-2026-0100 \u2014 Black screen.", Messages.english().render(summary.todo().get(0).text()));
    }

    @Test
    void anAffectedSystemSaysSinceTheTransactionThatBroughtTheVersionAskingTheHistoryOnlyForThatPackage() {
        system.installed.add(installed("mesa-libGL-25.1.4-1.fc43.x86_64"));
        system.installed.add(new InstalledPackage(Nevra.parse("htop-3.3.0-1.fc43.x86_64"), NOW, "htop"));
        Instant when = Instant.parse("2026-11-22T08:00:00Z");
        system.history.add(new Transaction(HistorySource.DNF5, 42, when, Optional.of(when.plusSeconds(30)), 1000, "dnf5 upgrade", "ok",
                "43", List.of(new TransactionItem(Nevra.parse("mesa-libGL-25.1.4-1.fc43.x86_64"), PackageAction.UPGRADE, "user",
                        "updates", List.of(Nevra.parse("mesa-libGL-25.1.2-1.fc43.x86_64"))))));

        IncidentAssessment incident = checks().check(REQUEST).assessment().incidents().get(0);

        assertEquals(Relation.AFFECTED, incident.relation());
        assertEquals(42, incident.since().orElseThrow().transaction());
        assertEquals(when, incident.since().orElseThrow().date());
        assertEquals(List.of(Set.of("mesa-libGL")), system.historyAsked);
    }

    @Test
    void theGuideGoesBackToWhatThePortSaysTheRepositoriesOfferInTheRootItNames() {
        system.installed.add(installed("mesa-libGL-25.1.4-1.fc43.x86_64"));
        system.available = Reading.of(Map.of("mesa-libGL", Set.of(Evr.parse("25.1.2-1.fc43"))));
        system.commandRoot = Optional.of("/srv/f43");
        CheckService checks = checks();

        GuideService.Result guide = new GuideService(checks, new Systems(system, system)).guide("fps-2026-0100", REQUEST);

        List<List<String>> commands = guide.plan().orElseThrow().steps().stream().flatMap(s -> s.commands().stream())
                .map(ShellCommand::argv).toList();
        assertTrue(commands.contains(List.of("sudo", "dnf5", "--installroot=/srv/f43", "downgrade", "mesa-libGL-25.1.2-1.fc43.x86_64")),
                commands.toString());
        assertTrue(guide.problems().isEmpty(), guide.problems().toString());
    }

    @Test
    void whatThePortCannotReadBecomesAProblemNamingItsSource() {
        system.installed.add(installed("mesa-libGL-25.1.4-1.fc43.x86_64"));
        system.available = Reading.unavailable("dnf5 repoquery", "the repositories could not be loaded");

        GuideService.Result guide = new GuideService(checks(), new Systems(system, system)).guide("FPS-2026-0100", REQUEST);

        List<String> problems = guide.problems().stream().map(Messages.english()::render).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("dnf5 repoquery") && p.contains("could not be loaded")),
                problems.toString());
    }
}
