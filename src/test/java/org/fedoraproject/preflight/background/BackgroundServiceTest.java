package org.fedoraproject.preflight.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.fedoraproject.preflight.Main;
import org.fedoraproject.preflight.adapter.desktop.Notifier;
import org.fedoraproject.preflight.adapter.desktop.RecordingNotifications;
import org.fedoraproject.preflight.adapter.desktop.SessionBus;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.adapter.files.NoticeStore;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.NoticePolicy;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.health.HealthReport;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.testing.PrivateBus;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.text.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background checks of the real dnf4 test root against a signed feed served over loopback, with
 * notifications going to a recording server on a private dbus-daemon: the right notifications,
 * once per change of state, none after a restart in the same state.
 */
class BackgroundServiceTest {

    @TempDir
    Path home;

    private PrivateBus bus;
    private RecordingNotifications server;
    private SessionBus session;
    private SignedFeed feed;
    private byte[] sample;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Optional<String>> windows = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws Exception {
        bus = PrivateBus.start();
        server = new RecordingNotifications(bus.connect());
        session = SessionBus.connect(Map.of("DBUS_SESSION_BUS_ADDRESS", bus.address()));
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            sample = in.readAllBytes();
        }
        feed = SignedFeed.serve(next(withoutIncidents(sample)), home);
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        feed.close();
        session.close();
        server.close();
        bus.close();
    }

    private int published;

    /**
     * The body as the next copy the publisher signs: a minute later than the one before, since
     * Preflight refuses another body with the same (or an older) generated time.
     */
    private byte[] next(byte[] feed) {
        JsonObject o = JsonParser.parseString(new String(feed, StandardCharsets.UTF_8)).getAsJsonObject();
        Instant generated = Instant.parse(o.get("generated").getAsString()).plusSeconds(60L * published++);
        o.addProperty("generated", generated.toString());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withoutIncidents(byte[] feed) {
        JsonObject o = JsonParser.parseString(new String(feed, StandardCharsets.UTF_8)).getAsJsonObject();
        o.add("incidents", new JsonArray());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private BackgroundService service(Supplier<CheckReport> check) throws Exception {
        Notifier notifier = session.notifier(false);
        return new BackgroundService(check, new NoticeStore(home.resolve("state")), Optional.of(notifier), scheduler,
                Clock.systemUTC(), log::add, windows::add, report -> { }, Messages.english());
    }

    private Supplier<CheckReport> realCheck() {
        Main.Wiring wiring = Main.wire(feed.environment(), Clock.systemUTC());
        CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()),
                List.of(FeedSource.local(feed.url())), false, false);
        return () -> wiring.check().get().check(request);
    }

    @Test
    void eachChangeIsNotifiedOnceAlsoAcrossRestarts() throws Exception {
        Supplier<CheckReport> check = realCheck();
        BackgroundService first = service(check);
        first.runCheck();
        assertEquals(List.of(), server.calls(), "nothing concerns the system yet");

        feed.publish(next(sample));
        CheckReport report = check.get();
        first.runCheck();
        List<RecordingNotifications.Call> calls = server.calls();
        // The sample feed on this root: kernel-core's and grub2's updates would install affected versions (hold),
        // and the root has affected packages whose fix is pending: one notification tells all of it.
        assertEquals(1, calls.size(), "one notification per check: " + calls);
        RecordingNotifications.Call news = calls.get(0);
        assertTrue(news.summary().matches("\\d+ updates? to hold, \\d+ fix(es)? ready"), news.summary());
        // Two short lines: the first thing to do as every front end lists it, and how many more; no command to run.
        List<String> body = news.body().lines().toList();
        assertEquals(2, body.size(), news.body());
        assertTrue(body.get(0).matches("\u2022 Hold (grub2-efi-x64|kernel-core) \\(FPS-[0-9-]+\\)\\."), news.body());
        assertTrue(body.get(1).matches("\u2026 and \\d+ more in Preflight"), news.body());
        assertTrue(!news.body().contains("sudo") && !news.body().contains("--exclude"), news.body());
        assertTrue(!news.body().contains("This system is affected"), "a fix ready is not also 'affected': " + news.body());
        boolean criticalAffected = report.assessment().incidents().stream().anyMatch(i -> i.relation()
                == Relation.AFFECTED
                && i.incident().incident().severity() == Severity.CRITICAL);
        assertEquals(criticalAffected ? 2 : 1, news.urgency(), "critical only while a critical incident affects the system");
        assertEquals(List.of("show", "Show details", "later", "Remind me later"), news.actions());
        assertEquals(0, news.replaces(), "the first replaces nothing");
        assertEquals(report.assessment().verdict().id(), "hold");

        first.runCheck();
        assertEquals(calls.size(), server.calls().size(), "the same state again: nothing new");
        BackgroundService restarted = service(check);
        restarted.runCheck();
        assertEquals(calls.size(), server.calls().size(), "after a restart in the same state: nothing new");

        // The state ends (the incidents go from the feed) and comes back: a new change, told again.
        feed.publish(next(withoutIncidents(sample)));
        restarted.runCheck();
        assertEquals(calls.size(), server.calls().size());
        feed.publish(next(sample));
        restarted.runCheck();
        assertEquals(2, server.calls().size(), "told again, once");
        feed.publish(next(withoutIncidents(sample)));
        restarted.runCheck();
        feed.publish(next(sample));
        restarted.runCheck();
        assertEquals(3, server.calls().size());
        assertEquals(server.calls().get(1).id(), server.calls().get(2).replaces(), "it replaces Preflight's previous one");
        assertEquals(List.of(), log);
    }

    private static void waitUntil(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition::getAsBoolean);
    }

    /** A suspect of the machine's journal is one more piece of news in the single notification, once. */
    @Test
    void aNewSuspectIsNotifiedOnceInTheSummary() throws Exception {
        BackgroundService service = service(realCheck());
        service.runCheck();
        assertEquals(List.of(), server.calls(), "nothing concerns the system yet");
        Instant at = Instant.parse("2026-11-18T07:41:00Z");
        Transaction mesa = new Transaction(HistorySource.DNF5, 2, at, Optional.of(at), 1000, "dnf5 upgrade", "ok", "43", List.of());
        HealthReport health = new HealthReport(30, List.of(new Suspect(mesa, "mesa", "25.1.2-1.fc43", "25.1.4-1.fc43", 0, 4, 6.7, 7.1,
                List.of("/usr/bin/gnome-shell"), at.plusSeconds(3600))), List.of(), List.of(), Evidence.NONE);
        service.followHealth(report -> NoticePolicy.suspects(health));
        service.runCheck();
        List<RecordingNotifications.Call> calls = server.calls();
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).summary().contains("program keeps crashing since an update"), calls.get(0).summary());
        assertTrue(calls.get(0).body().contains("/usr/bin/gnome-shell keeps crashing since an update"), calls.get(0).body());
        service.runCheck();
        assertEquals(1, server.calls().size(), "the same suspect is not news again");
        service.followHealth(report -> {
            throw new IllegalStateException("journalctl went away");
        });
        service.runCheck();
        assertTrue(log.stream().anyMatch(l -> l.contains("journalctl went away")), log.toString());
    }

    @Test
    void showDetailsOpensTheWindowOnTheListOfWhatToDo() throws Exception {
        feed.publish(next(sample));
        BackgroundService service = service(realCheck());
        service.runCheck();
        RecordingNotifications.Call hold = server.calls().get(0);
        server.click(hold.id(), "show");
        waitUntil(() -> !windows.isEmpty());
        assertEquals(1, windows.size());
        assertEquals(Optional.empty(), windows.get(0), "several things to do: the window's list, not one incident");
    }

    @Test
    void aFailingCheckNeverEndsTheSchedule() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        BackgroundService service = service(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("rpm database locked");
        });
        service.start(Duration.ZERO, Duration.ofMillis(50));
        waitUntil(() -> runs.get() >= 3);
        assertTrue(runs.get() >= 3, "the schedule went on after failures: " + runs.get());
        assertTrue(log.contains("the background check failed: rpm database locked"), log.toString());
        assertEquals(List.of(), server.calls());
    }

    @Test
    void pausedNotificationsAreRememberedAsSeen() throws Exception {
        feed.publish(next(sample));
        BackgroundService service = service(realCheck());
        service.pause(true);
        service.runCheck();
        assertEquals(List.of(), server.calls());
        service.pause(false);
        service.runCheck();
        assertEquals(List.of(), server.calls(), "resuming does not replay what happened while paused");
    }

    @Test
    void aTransactionStartsACheckButTheChecksOwnDnfRunDoesNot() throws Exception {
        feed.publish(next(sample));
        Path dnf = Files.createDirectories(home.resolve("var/lib/dnf"));
        Path hook = Files.createDirectories(home.resolve("run/preflight"));
        AtomicInteger checks = new AtomicInteger();
        Supplier<CheckReport> real = realCheck();
        // Time stands still for the quiet window (the ticker seam): whatever the machine's speed,
        // a change seen during or after a check is within it, until the test moves time on.
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        ScheduledThreadPoolExecutor queue = new ScheduledThreadPoolExecutor(1);
        BackgroundService service = new BackgroundService(() -> {
            checks.incrementAndGet();
            try {
                // What dnf, run as root to list updates, does to its own history database.
                Files.writeString(dnf.resolve("history.sqlite-wal"), "during check " + checks.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return real.get();
        }, new NoticeStore(home.resolve("state")), Optional.empty(), queue, Clock.systemUTC(), log::add,
                windows::add, report -> { }, now::get, Messages.english());
        List<Boolean> outcomes = new CopyOnWriteArrayList<>();
        try (TransactionWatcher watcher = TransactionWatcher.start(List.of(dnf, hook, home.resolve("missing")),
                () -> outcomes.add(service.transactionChanged(Duration.ofMillis(100))))) {
            service.runCheck();
            waitUntil(() -> !outcomes.isEmpty());
            assertEquals(List.of(), outcomes.stream().filter(b -> b).toList(),
                    "the database written during the check is not a transaction");
            assertEquals(1, checks.get());

            now.addAndGet(BackgroundService.QUIET.toNanos() + 1);
            int seen = outcomes.size();
            Files.writeString(hook.resolve("transaction-done"), "");
            Files.writeString(hook.resolve("transaction-done"), "again");
            waitUntil(() -> checks.get() == 2 && outcomes.size() > seen);
            // The one scheduled check has run; the burst's other changes were dropped (one already
            // coming, or within the quiet window of the check), so nothing else is queued.
            waitUntil(() -> queue.getQueue().isEmpty() && queue.getActiveCount() == 0);
            assertEquals(2, checks.get(), "one check for the hook's burst of changes");
            assertEquals(1, outcomes.subList(seen, outcomes.size()).stream().filter(b -> b).count(), outcomes.toString());
        } finally {
            queue.shutdownNow();
        }
        assertTrue(TransactionWatcher.meaningful("history.sqlite-wal"));
        assertTrue(!TransactionWatcher.meaningful("history.sqlite-shm"));
    }

    @Test
    void changedSettingsApplyWithoutARestart() throws Exception {
        AtomicReference<Settings> now =
                new AtomicReference<>(Settings.DEFAULT.withNotifications(false));
        BackgroundService service = service(realCheck());
        service.followSettings(now::get);
        service.start(Duration.ofHours(1), Duration.ofHours(6));
        feed.publish(next(sample));
        service.runCheck();
        assertEquals(List.of(), server.calls(), "notifications are off in the settings");
        // Turned on in the window: the next change is told, and a new interval reschedules the checks.
        now.set(Settings.DEFAULT.withCheckInterval(Duration.ofHours(2)));
        feed.publish(next(withoutIncidents(sample)));
        service.runCheck();
        feed.publish(next(sample));
        service.runCheck();
        assertEquals(1, server.calls().size(), server.calls().toString());
        assertEquals(Duration.ofHours(2), service.interval());
    }
}
