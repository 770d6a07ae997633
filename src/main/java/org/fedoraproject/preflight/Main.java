package org.fedoraproject.preflight;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.fedoraproject.preflight.adapter.desktop.DesktopException;
import org.fedoraproject.preflight.adapter.desktop.LinkOpener;
import org.fedoraproject.preflight.adapter.desktop.SessionBus;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.adapter.feed.FeedCache;
import org.fedoraproject.preflight.adapter.feed.FeedFetcher;
import org.fedoraproject.preflight.adapter.feed.FeedRepository;
import org.fedoraproject.preflight.adapter.feed.FeedState;
import org.fedoraproject.preflight.adapter.feed.TrustStore;
import org.fedoraproject.preflight.adapter.files.InstanceLock;
import org.fedoraproject.preflight.adapter.files.KeptFeeds;
import org.fedoraproject.preflight.adapter.files.NoticeStore;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.adapter.files.TrayPresence;
import org.fedoraproject.preflight.adapter.files.XdgDirs;
import org.fedoraproject.preflight.adapter.system.ColorSchemeReader;
import org.fedoraproject.preflight.adapter.system.OsReleaseReader;
import org.fedoraproject.preflight.adapter.system.ProcessCommandRunner;
import org.fedoraproject.preflight.adapter.system.SqliteNative;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.DemoPort;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.app.HookCheck;
import org.fedoraproject.preflight.app.Inspection;
import org.fedoraproject.preflight.app.Lazy;
import org.fedoraproject.preflight.app.NoticePolicy;
import org.fedoraproject.preflight.app.Systems;
import org.fedoraproject.preflight.app.Targets;
import org.fedoraproject.preflight.app.UpgradeService;
import org.fedoraproject.preflight.background.BackgroundMode;
import org.fedoraproject.preflight.cli.PreflightCommand;
import org.fedoraproject.preflight.cli.Services;
import org.fedoraproject.preflight.desk.DeskTools;
import org.fedoraproject.preflight.desk.Drafts;
import org.fedoraproject.preflight.desk.Hindsight;
import org.fedoraproject.preflight.desk.Triage;
import org.fedoraproject.preflight.signal.Release;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.threads.Logging;
import org.fedoraproject.preflight.threads.Threads;
import org.fedoraproject.preflight.ui.PreflightApp;
import org.fedoraproject.preflight.ui.WindowContext;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code preflight} and the composition root: the one place where objects are
 * created and wired. It does not extend JavaFX's Application, so that the command-line
 * subcommands run without starting (or even loading) the window toolkit, and so that the single
 * jar starts JavaFX from the class path.
 */
public final class Main {

    private Main() {
    }

    /** Everything the commands and the window use, made once from the environment. */
    public record Wiring(Inspection inspection, Lazy<SignalSources> sources, Lazy<CheckService> check, Lazy<UpgradeService> upgrade,
                         Lazy<GuideService> guide, Lazy<HealthService> health, XdgDirs dirs, Clock clock, ExecutorService io,
                         Map<String, String> env) {

        public Services services() {
            return new Services(inspection, check, upgrade, guide, new HookCheck(keptFeeds(clock),
                    root -> new OsReleaseReader(root).read()), () -> desk(sources.get(), clock),
                    health, env, dirs, clock,
                    ZoneId.systemDefault(),
                    Messages.load(Locale.getDefault()));
        }

        /** The window's wiring; made only when the window opens, so a terminal command never loads JavaFX. */
        public WindowContext window(CheckService.Request request) {
            return new WindowContext(check, upgrade, guide, health, new SettingsStore(dirs.config()), request, io, clock,
                    ZoneId.systemDefault(), LinkOpener.xdgOpen(m -> System.err.println("preflight: " + m)),
                    new ColorSchemeReader(env, ProcessCommandRunner.direct()).prefersDark(), new AtomicReference<>(),
                    new TrayPresence(dirs.state()));
        }

        /** The same, with the first check (from kept data) already running while JavaFX starts. */
        public WindowContext windowCheckingEarly(CheckService.Request request) {
            CompletableFuture<CheckReport> early = CompletableFuture.supplyAsync(
                    () -> check.get().check(WindowContext.kept(request)), io);
            WindowContext c = window(request);
            return new WindowContext(c.checks(), c.upgrades(), c.guides(), c.healths(), c.settings(), c.request(), c.executor(), c.clock(), c.zone(),
                    c.openLink(), c.dark(), new AtomicReference<>(early), c.tray());
        }
    }

    /**
     * Opens the window; when the background instance runs (it holds its lock), asks it to show
     * its window instead and ends, so that there is one Preflight per session.
     */
    private static void openWindow(Wiring wiring, CheckService.Request request) {
        if (InstanceLock.held(XdgDirs.runtime(wiring.env(), wiring.dirs()))) {
            try (SessionBus bus = SessionBus.connect(wiring.env())) {
                if (bus.askRunning(Optional.empty())) {
                    return;
                }
            } catch (DesktopException e) {
                // no bus after all: open a window of our own
            }
        }
        PreflightApp.open(wiring.windowCheckingEarly(request));
    }

    /** {@code preflight --background}, wired. */
    private static int background(Wiring wiring, CheckService.Request request) throws Exception {
        SettingsStore settings = new SettingsStore(wiring.dirs().config());
        Path root = request.root().orElse(Path.of("/"));
        // Soon after login, not at once: the session is busy starting. Tests and benchmarks shorten it.
        Duration first = Duration.ofSeconds(Long.parseLong(wiring.env().getOrDefault("PREFLIGHT_FIRST_CHECK_SECONDS", "60")));
        try (SessionBus bus = SessionBus.connect(wiring.env())) {
            BackgroundMode mode = new BackgroundMode(new BackgroundMode.Wiring(
                    () -> wiring.check().get().checkFresh(request, settings.load().settings().checkInterval()),
                    report -> NoticePolicy.suspects(wiring.health().get().health(request, Optional.empty(), HealthService.DEFAULT_DAYS,
                            report.system().installed()).report()),
                    () -> settings.load().settings(),
                    new NoticeStore(wiring.dirs().state()), new TrayPresence(wiring.dirs().state()), bus,
                    XdgDirs.runtime(wiring.env(), wiring.dirs()),
                    List.of(root.resolve("usr/lib/sysimage/libdnf5"), root.resolve("var/lib/dnf"),
                            XdgDirs.runtime(wiring.env(), wiring.dirs()).resolve("preflight")),
                    wiring.clock(), incident -> PreflightApp.showFromBackground(() -> wiring.window(request), incident),
                    LoggerFactory.getLogger("org.fedoraproject.preflight.background")::info, first,
                    wiring.env().getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", ""),
                    Messages.load(Locale.getDefault())));
            return mode.run();
        }
    }

    public static Wiring wire(Map<String, String> env, Clock clock) {
        // Reading the system waits on rpm, dnf and SQLite; daemon threads never keep the process alive.
        ExecutorService io = Threads.pool("io");
        XdgDirs dirs = XdgDirs.from(env);
        SqliteNative.useCacheDir(dirs.cache());
        Inspection inspection = new Inspection(new Targets(env), io, clock);
        // Made when a command first needs them: the HTTPS client only when a feed is downloaded.
        Lazy<FeedFetcher> fetcher = Lazy.of(() -> new FeedFetcher(FeedFetcher.Policy.DEFAULT,
                AppInfo.NAME + "/" + AppInfo.version() + " (+https://github.com/fedora-preflight/preflight)"));
        // One feed repository and one set of Fedora's sources for the check and the upgrade's check.
        Lazy<FeedRepository> feeds = Lazy.of(() -> new FeedRepository(fetcher, new FeedCache(dirs.feedCache()),
                new FeedState(dirs.feedState()), TrustStore.load(dirs.trustedKeys()), clock));
        Lazy<SignalSources> sources = Lazy.of(() -> sources(new SignalSources(fetcher, dirs.cache().resolve("signals"), endpoints(env),
                clock), env));
        Systems systems = new Systems(inspection, new DemoPort());
        Lazy<CheckService> check = Lazy.of(() -> new CheckService(systems, feeds.get(), sources.get(), new SettingsStore(dirs.config()),
                io, clock));
        Lazy<UpgradeService> upgrade = Lazy.of(() -> new UpgradeService(inspection, feeds.get(), sources.get(),
                new SettingsStore(dirs.config()), io, clock));
        Lazy<GuideService> guide = Lazy.of(() -> new GuideService(check.get(), systems));
        Lazy<HealthService> health = Lazy.of(() -> new HealthService(systems, keptFeeds(clock), dirs, clock));
        return new Wiring(inspection, sources, check, upgrade, guide, health, dirs, clock, io, env);
    }

    /** The SIG desk's use of Fedora's sources: drafts, reviews, triage, and Fedora's current releases as Bodhi lists them. */
    static DeskTools desk(SignalSources sources, Clock clock) {
        return new DeskTools(new Drafts(sources, clock), new Hindsight(sources), new Triage(sources),
                () -> sources.releases(false).items().stream().filter(Release::stable).map(Release::version).sorted().toList());
    }

    /** The feeds the hook reads: those kept for the user whose directories these are, never downloaded (dnf waits). */
    static KeptFeeds keptFeeds(Clock clock) {
        return (dirs, problems) -> {
            SettingsStore.Loaded loaded = new SettingsStore(dirs.config()).load();
            problems.addAll(loaded.problems());
            FeedRepository feeds = new FeedRepository(() -> {
                throw new IllegalStateException("the hook reads kept feeds only");
            }, new FeedCache(dirs.feedCache()), new FeedState(dirs.feedState()), TrustStore.load(dirs.trustedKeys()), clock);
            return loaded.settings().feeds().stream().map(source -> feeds.refresh(source, true)).toList();
        };
    }

    /** Fedora's sources, reusing fresh answers unless PREFLIGHT_SOURCES_REUSE=off (tests that change answers between checks). */
    static SignalSources sources(SignalSources sources, Map<String, String> env) {
        return "off".equalsIgnoreCase(env.getOrDefault("PREFLIGHT_SOURCES_REUSE", "")) ? sources.askingEveryTime() : sources;
    }

    /**
     * Fedora's Bodhi, Discourse and Bugzilla, or others named by PREFLIGHT_BODHI_URL,
     * PREFLIGHT_DISCOURSE_URL and PREFLIGHT_BUGZILLA_URL (a mirror, or a test's loopback server, for which http is allowed).
     */
    static SignalSources.Endpoints endpoints(Map<String, String> env) {
        String bodhi = env.get("PREFLIGHT_BODHI_URL");
        String discourse = env.get("PREFLIGHT_DISCOURSE_URL");
        String bugzilla = env.get("PREFLIGHT_BUGZILLA_URL");
        if (bodhi == null && discourse == null && bugzilla == null) {
            return SignalSources.Endpoints.FEDORA;
        }
        SignalSources.Endpoints fedora = SignalSources.Endpoints.FEDORA;
        return new SignalSources.Endpoints(bodhi == null ? fedora.bodhi() : bodhi, discourse == null ? fedora.discourse() : discourse,
                bugzilla == null ? fedora.bugzilla() : bugzilla, true);
    }

    public static void main(String[] args) {
        Logging.configure(System.getenv(), Arrays.asList(args).contains("--background"));
        Wiring wiring = wire(System.getenv(), Clock.systemUTC());
        int status = PreflightCommand.run(request -> openWindow(wiring, request), request -> background(wiring, request),
                wiring.services(), args);
        if (status != PreflightCommand.WINDOW_CLOSED) {
            System.exit(status);
        }
    }
}
