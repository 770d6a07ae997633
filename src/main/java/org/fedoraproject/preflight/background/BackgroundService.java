package org.fedoraproject.preflight.background;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.adapter.desktop.DesktopException;
import org.fedoraproject.preflight.adapter.desktop.Notifier;
import org.fedoraproject.preflight.adapter.files.NoticeStore;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.Notice;
import org.fedoraproject.preflight.app.NoticePolicy;
import org.fedoraproject.preflight.text.Messages;

/**
 * Preflight without a window: checks on a schedule (soon after start, then every interval) and
 * when asked (a dnf transaction ended, the network came back, "Check now"), and notifies of
 * each state worth acting on once. Nothing runs between checks: the scheduler's thread sleeps
 * until the next one. A check that fails is reported and the schedule goes on; an exception
 * must never escape into the scheduler, which would silently cancel every later check.
 */
public final class BackgroundService {

    static final String SHOW = "show";
    static final String LATER = "later";
    static final Duration REMIND_AFTER = Duration.ofHours(4);
    static final Duration QUIET = Duration.ofSeconds(3);

    private final Supplier<CheckReport> check;
    private final NoticeStore store;
    private final Optional<Notifier> notifier;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<String> log;
    private final Consumer<Optional<String>> showWindow;
    private final Consumer<CheckReport> onReport;
    private final Map<String, Notice> sent = new ConcurrentHashMap<>();
    private volatile String lastId;
    private volatile Supplier<Settings> settings;
    private Duration interval;
    private volatile boolean paused;
    private volatile Function<CheckReport, Map<String, Notice>> more = report -> Map.of();
    private volatile boolean checking;
    /** Monotonic nanoseconds for the quiet window; a seam, so that tests can hold time still. */
    private final LongSupplier ticker;
    private volatile long lastCheckEnd;
    private final AtomicBoolean transactionCheckPending = new AtomicBoolean();
    /** PREFLIGHT_TIMING set: each check's duration goes to the log, for the benchmark. */
    private final boolean timing = System.getenv("PREFLIGHT_TIMING") != null;
    private ScheduledFuture<?> periodic;
    private final Messages text;

    public BackgroundService(Supplier<CheckReport> check, NoticeStore store, Optional<Notifier> notifier,
                             ScheduledExecutorService scheduler, Clock clock, Consumer<String> log,
                             Consumer<Optional<String>> showWindow, Consumer<CheckReport> onReport, Messages text) {
        this(check, store, notifier, scheduler, clock, log, showWindow, onReport, System::nanoTime, text);
    }

    BackgroundService(Supplier<CheckReport> check, NoticeStore store, Optional<Notifier> notifier,
                      ScheduledExecutorService scheduler, Clock clock, Consumer<String> log,
                      Consumer<Optional<String>> showWindow, Consumer<CheckReport> onReport, LongSupplier ticker,
                      Messages text) {
        this.text = text;
        this.ticker = ticker;
        this.lastCheckEnd = ticker.getAsLong() - QUIET.toNanos();
        this.check = check;
        this.store = store;
        this.notifier = notifier;
        this.scheduler = scheduler;
        this.clock = clock;
        this.log = log;
        this.showWindow = showWindow;
        this.onReport = onReport;
        notifier.ifPresent(n -> n.onAction(this::action));
    }

    /**
     * Reads the settings before each check, so that a change made in the window (notifications
     * off, another interval) applies without a restart: notifications are sent only while they are
     * on, and a new interval reschedules the checks.
     */
    public void followSettings(Supplier<Settings> settings) {
        this.settings = settings;
    }

    /**
     * More states to announce beside the check's, from its report (the machine's journal:
     * suspects). Extra to the check: a failure here is logged, and the check's own news still go out.
     */
    public void followHealth(Function<CheckReport, Map<String, Notice>> more) {
        this.more = more;
    }

    /** The interval the periodic checks run at now. */
    public synchronized Duration interval() {
        return interval;
    }

    /** The first check after {@code first}, then one every {@code interval}. */
    public synchronized void start(Duration first, Duration interval) {
        if (periodic != null) {
            periodic.cancel(false);
        }
        this.interval = interval;
        periodic = scheduler.scheduleWithFixedDelay(this::runCheck, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A check soon (after {@code delay}), besides the schedule. */
    public void checkSoon(Duration delay) {
        scheduler.schedule(this::runCheck, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A history database changed: a check in a moment (one for a burst of changes). */
    public void transactionChanged() {
        transactionChanged(Duration.ofSeconds(5));
    }

    /**
     * Changes while a check runs, or just after, are the check's own doing: dnf, run as root (as
     * in tests) to list updates, rewrites its history database. They are ignored.
     *
     * @return whether a check was scheduled (false: ignored, or one is already coming)
     */
    boolean transactionChanged(Duration delay) {
        long now = ticker.getAsLong();
        if (checking || now - lastCheckEnd < QUIET.toNanos() || !transactionCheckPending.compareAndSet(false, true)) {
            return false;
        }
        scheduler.schedule(() -> {
            transactionCheckPending.set(false);
            runCheck();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    public void pause(boolean on) {
        paused = on;
    }

    public boolean paused() {
        return paused;
    }

    /** One check and its notifications; never throws. */
    void runCheck() {
        checking = true;
        try {
            long start = System.nanoTime();
            CheckReport report = check.get();
            long took = System.nanoTime() - start;
            onReport.accept(report);
            Map<String, Notice> states = NoticePolicy.states(report, clock.instant());
            try {
                more.apply(report).forEach(states::putIfAbsent);
            } catch (RuntimeException e) {
                log.accept("the machine's journal could not be read: " + e.getMessage());
            }
            Set<String> before = store.load();
            List<Notice> news = NoticePolicy.news(states, before);
            Settings now = settings == null ? null : settings.get();
            boolean tell = !paused && report.complete() && (now == null || now.notifications());
            if (now != null && interval != null && !now.checkInterval().equals(interval())) {
                start(now.checkInterval(), now.checkInterval());
            }
            if (tell) {
                NoticePolicy.summary(news, report).ifPresent(this::send);
            }
            if (report.complete()) {
                // Paused: the states are remembered as seen, so that resuming does not replay them.
                store.save(new LinkedHashSet<>(states.keySet()));
            }
            if (timing) {
                // After the notifications, so that a reader of the log knows all of this check's were sent.
                log.accept("check done in " + took / 1_000_000 + " ms; notifications sent: " + (tell && !news.isEmpty() ? 1 : 0));
            }
        } catch (IOException e) {
            log.accept("cannot remember what was notified: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            log.accept("the background check failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            lastCheckEnd = ticker.getAsLong();
            checking = false;
        }
    }

    private void send(Notice notice) {
        if (notifier.isEmpty()) {
            return;
        }
        List<Notifier.Action> actions = List.of(new Notifier.Action(SHOW, text.get("notice.action.show")),
                new Notifier.Action(LATER, text.get("notice.action.later")));
        try {
            // One notification of Preflight's at a time: each replaces the one before.
            String id = notifier.get().send(text.sentence(notice.summary()),
                    notice.body().stream().map(text::render).collect(Collectors.joining("\n")), notice.urgency(), actions,
                    Optional.ofNullable(lastId));
            lastId = id;
            sent.put(id, notice);
        } catch (DesktopException e) {
            log.accept(e.getMessage());
        }
    }

    private void action(String id, String key) {
        Notice notice = sent.get(id);
        if (notice == null) {
            return;
        }
        if (SHOW.equals(key) || "default".equals(key)) {
            showWindow.accept(notice.incident());
        } else if (LATER.equals(key)) {
            scheduler.schedule(() -> remind(notice), REMIND_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** "Remind me later": the same notice again, if its state still holds then. */
    private void remind(Notice notice) {
        try {
            if (store.load().contains(notice.key()) && !paused) {
                send(notice);
            }
        } catch (RuntimeException e) {
            log.accept("cannot remind: " + e.getMessage());
        }
    }
}
