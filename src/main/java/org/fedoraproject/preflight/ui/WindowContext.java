package org.fedoraproject.preflight.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.adapter.files.TrayPresence;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.app.UpgradeService;

/**
 * What the window needs, wired by the composition root: the use cases, the settings, what to
 * check, where links go (the browser; a recorder in tests), whether to draw dark, and the first
 * check if it was started before the window (it runs while JavaFX starts up; taken once, so
 * that its report is not kept after the window has replaced it).
 */
public record WindowContext(Supplier<CheckService> checks, Supplier<UpgradeService> upgrades, Supplier<GuideService> guides,
                            Supplier<HealthService> healths, SettingsStore settings,
                            CheckService.Request request, Executor executor, Clock clock, ZoneId zone,
                            Consumer<String> openLink, boolean dark,
                            AtomicReference<CompletableFuture<CheckReport>> early, TrayPresence tray) {

    /** The same, with links going elsewhere (the application's host services, once JavaFX runs). */
    public WindowContext withLinks(Consumer<String> opener) {
        return new WindowContext(checks, upgrades, guides, healths, settings, request, executor, clock, zone, opener, dark, early, tray);
    }

    /** The check from kept data for the request, made while JavaFX starts (see Main). */
    public static CheckService.Request kept(CheckService.Request request) {
        return new CheckService.Request(request.root(), request.extraFeeds(), true, request.demo());
    }
}
