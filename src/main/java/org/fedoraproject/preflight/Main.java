package org.fedoraproject.preflight;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.app.Inspection;
import org.fedoraproject.preflight.app.Lazy;
import org.fedoraproject.preflight.app.SettingsStore;
import org.fedoraproject.preflight.app.Targets;
import org.fedoraproject.preflight.app.XdgDirs;
import org.fedoraproject.preflight.cli.PreflightCommand;
import org.fedoraproject.preflight.cli.Services;
import org.fedoraproject.preflight.feed.FeedCache;
import org.fedoraproject.preflight.feed.FeedFetcher;
import org.fedoraproject.preflight.feed.FeedRepository;
import org.fedoraproject.preflight.feed.TrustStore;
import org.fedoraproject.preflight.system.SqliteNative;
import org.fedoraproject.preflight.ui.PreflightApp;

/**
 * Entry point of {@code preflight} and the composition root: the one place where objects are
 * created and wired. It does not extend JavaFX's Application, so that the command-line
 * subcommands run without starting (or even loading) the window toolkit, and so that the single
 * jar starts JavaFX from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Reading the system waits on rpm, dnf and SQLite; daemon threads never keep the process alive.
        ExecutorService io = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "preflight-io");
            thread.setDaemon(true);
            return thread;
        });
        Clock clock = Clock.systemUTC();
        XdgDirs dirs = XdgDirs.from(System.getenv());
        SqliteNative.useCacheDir(dirs.cache());
        Inspection inspection = new Inspection(new Targets(System.getenv()), io, clock);
        // Made when a command first needs them: the HTTPS client only when a feed is downloaded.
        Lazy<FeedFetcher> fetcher = Lazy.of(() -> new FeedFetcher(FeedFetcher.Policy.DEFAULT,
                AppInfo.NAME + "/" + AppInfo.version() + " (+https://github.com/fedora-preflight/preflight)"));
        Lazy<CheckService> check = Lazy.of(() -> new CheckService(inspection,
                new FeedRepository(fetcher, new FeedCache(dirs.feedCache()), TrustStore.load(dirs.trustedKeys()), clock),
                new SettingsStore(dirs.config()), io, clock));
        Lazy<GuideService> guide = Lazy.of(() -> new GuideService(check.get(), inspection));
        Services services = new Services(inspection, check, guide, dirs, clock, ZoneId.systemDefault());
        int status = PreflightCommand.run(PreflightApp::open, services, args);
        if (status != PreflightCommand.WINDOW_CLOSED) {
            System.exit(status);
        }
    }
}
