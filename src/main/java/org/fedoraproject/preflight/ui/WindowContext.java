package org.fedoraproject.preflight.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.app.SettingsStore;

/**
 * What the window needs, wired by the composition root: the use cases, the settings, what to
 * check, where links go (the browser; a recorder in tests) and whether to draw dark.
 */
public record WindowContext(Supplier<CheckService> checks, Supplier<GuideService> guides, SettingsStore settings,
                            CheckService.Request request, Executor executor, Clock clock, ZoneId zone,
                            Consumer<String> openLink, boolean dark) {

    /** The same, with links going elsewhere (the application's host services, once JavaFX runs). */
    public WindowContext withLinks(Consumer<String> opener) {
        return new WindowContext(checks, guides, settings, request, executor, clock, zone, opener, dark);
    }
}
