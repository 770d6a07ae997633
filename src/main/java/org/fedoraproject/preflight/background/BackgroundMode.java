package org.fedoraproject.preflight.background;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fedoraproject.preflight.adapter.desktop.DesktopException;
import org.fedoraproject.preflight.adapter.desktop.NetworkWatcher;
import org.fedoraproject.preflight.adapter.desktop.Notifier;
import org.fedoraproject.preflight.adapter.desktop.SessionBus;
import org.fedoraproject.preflight.adapter.desktop.TrayIcon;
import org.fedoraproject.preflight.adapter.files.InstanceLock;
import org.fedoraproject.preflight.adapter.files.NoticeStore;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.adapter.files.TrayPresence;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckSummary;
import org.fedoraproject.preflight.app.Notice;
import org.fedoraproject.preflight.app.Outlook;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.threads.Threads;

/**
 * {@code preflight --background}: the tray icon, notifications, scheduled checks and the
 * transaction watcher, in one process that owns the name org.fedoraproject.Preflight. Runs
 * until "Quit". The window's toolkit is not loaded until a window is asked for.
 */
public final class BackgroundMode {

    /** What it needs from the composition root. */
    public record Wiring(Supplier<CheckReport> check, Function<CheckReport, Map<String, Notice>> health, Supplier<Settings> settings,
                         NoticeStore store, TrayPresence trayPresence,
                         SessionBus bus,
                         Path runtimeDir, List<Path> watched, Clock clock, Consumer<Optional<String>> showWindow,
                         Consumer<String> log, Duration firstCheck, String systemBus, Messages text) {
    }

    private final CountDownLatch quit = new CountDownLatch(1);
    private final Wiring w;
    private BackgroundService service;
    private Optional<TrayIcon> tray = Optional.empty();

    public BackgroundMode(Wiring wiring) {
        this.w = wiring;
    }

    /** Runs until Quit; 0, or 1 when another instance already runs (it is asked to show its window instead). */
    public int run() throws Exception {
        Optional<InstanceLock> lock = InstanceLock.take(w.runtimeDir());
        if (lock.isEmpty() || !w.bus().claim(id -> w.showWindow().accept(id.isEmpty() ? Optional.empty() : Optional.of(id)))) {
            w.log().accept("Preflight already runs in the background.");
            return 1;
        }
        ScheduledExecutorService scheduler = Threads.scheduler("background");
        Settings settings = w.settings().get();
        Optional<Notifier> notifier = Optional.empty();
        try {
            notifier = Optional.of(w.bus().notifier(SessionBus.inFlatpak()));
        } catch (DesktopException e) {
            w.log().accept("notifications: " + e.getMessage());
        }
        // The notifier is there even with notifications off: the settings are read before each check.
        service = new BackgroundService(w.check(), w.store(), notifier, scheduler, w.clock(), w.log(), w.showWindow(), this::show, w.text());
        service.followHealth(w.health());
        service.followSettings(w.settings());
        try {
            tray = TrayIcon.register(w.bus().connection(), entries());
            w.trayPresence().record(tray.isPresent());
            if (tray.isEmpty()) {
                w.log().accept("no tray on this desktop: notifications only");
            }
        } catch (DesktopException e) {
            w.log().accept(e.getMessage());
        }
        // The network coming back is a reason to check: the feeds may have news.
        Optional<NetworkWatcher> network = Optional.empty();
        try {
            Runnable back = () -> service.checkSoon(Duration.ofSeconds(10));
            // The sandbox has no system bus by default: there, the NetworkMonitor portal says it.
            network = Optional.of(SessionBus.inFlatpak() ? NetworkWatcher.startPortal("", back)
                    : NetworkWatcher.start(w.systemBus(), back));
        } catch (DesktopException e) {
            w.log().accept(e.getMessage());
        }
        try (TransactionWatcher watcher = TransactionWatcher.start(w.watched(), service::transactionChanged);
             InstanceLock held = lock.get()) {
            service.start(w.firstCheck(), settings.checkInterval());
            quit.await();
        }
        tray.ifPresent(TrayIcon::close);
        network.ifPresent(NetworkWatcher::close);
        return 0;
    }

    public BackgroundService service() {
        return service;
    }

    public void quit() {
        quit.countDown();
    }

    private List<TrayIcon.Entry> entries() {
        List<TrayIcon.Entry> entries = new ArrayList<>();
        Messages text = w.text();
        entries.add(new TrayIcon.Entry(1, text.get("tray.open"), false, false, () -> w.showWindow().accept(Optional.empty())));
        entries.add(new TrayIcon.Entry(2, text.get("tray.check"), false, false, () -> service.checkSoon(Duration.ZERO)));
        entries.add(new TrayIcon.Entry(3, text.get("tray.pause"), true, service != null && service.paused(), this::togglePause));
        entries.add(new TrayIcon.Entry(4, text.get("tray.quit"), false, false, this::quit));
        return entries;
    }

    private void togglePause() {
        service.pause(!service.paused());
        tray.ifPresent(t -> t.update(entries()));
    }

    private void show(CheckReport report) {
        Outlook outlook = CheckSummary.of(report).outlook();
        TrayIcon.State state = switch (outlook) {
            case HOLD -> TrayIcon.State.HOLD;
            case AFFECTED, CAUTION -> TrayIcon.State.CAUTION;
            case SAFE -> TrayIcon.State.OK;
            case UNKNOWN -> TrayIcon.State.UNKNOWN;
        };
        String tip = w.text().get("tray.tip." + outlook.name().toLowerCase(Locale.ROOT));
        tray.ifPresent(t -> t.show(state, tip));
    }
}
