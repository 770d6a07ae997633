package org.fedoraproject.preflight.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.fedoraproject.preflight.adapter.desktop.NetworkWatcher;
import org.fedoraproject.preflight.adapter.desktop.RecordingNotifications;
import org.fedoraproject.preflight.adapter.desktop.RecordingWatcher;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.testing.PrivateBus;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight --background} from the jar, on a private session bus with a recording
 * notification server and a tray watcher: it notifies, keeps one instance, opens its window for
 * a second start, quits from its menu, and after a restart in the same state says nothing new.
 */
class BackgroundIT {

    @TempDir
    Path home;

    private static void waitFor(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).until(condition::getAsBoolean);
    }

    private Process start(Map<String, String> env, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The checks that finished, in order; each line is written after that check's notifications went out. */
    private static long checksDone(Path log) {
        return read(log).lines().filter(l -> l.contains("check done")).count();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void notifiesKeepsOneInstanceShowsItsWindowQuitsAndRemembers() throws Exception {
        Tools.requireDisplay();
        Path xwininfo = Tools.require("xwininfo");
        byte[] sample;
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            sample = in.readAllBytes();
        }
        try (PrivateBus bus = PrivateBus.start(); SignedFeed feed = SignedFeed.serve(sample, home);
             RecordingNotifications server = new RecordingNotifications(bus.connect());
             DBusConnection watcherSide = bus.connect()) {
            RecordingWatcher watcher =
                    RecordingWatcher.on(watcherSide);
            Map<String, String> env = new HashMap<>(feed.environment());
            env.put("DBUS_SESSION_BUS_ADDRESS", bus.address());
            // The private bus stands in for the system bus too, where NetworkManager would say the network is back.
            env.put("DBUS_SYSTEM_BUS_ADDRESS", bus.address());
            env.put("XDG_RUNTIME_DIR", Files.createDirectories(home.resolve("run")).toString());
            env.put("XDG_STATE_HOME", home.resolve("state").toString());
            env.put("PREFLIGHT_FIRST_CHECK_SECONDS", "0");
            env.put("PREFLIGHT_TIMING", "1");
            String[] args = {"--background", "--root", TestRoots.dnf4Root().toString(), "--feed", feed.url()};

            Path log = home.resolve("background.log");
            Process background = start(env, log, args);
            try {
                waitFor(() -> checksDone(log) >= 1, "the first check ran: " + read(log));
                int told = server.calls().size();
                assertEquals(1, told, "one notification for the first check's news: " + server.calls());
                // The network comes back: a check follows (within the 10 s the background waits first).
                long checks = checksDone(log);
                // dbus-java sends from a queue: the connection stays open until the check is seen.
                try (DBusConnection nm = bus.connect()) {
                    for (long state : new long[] {20, 70}) {
                        nm.sendMessage(new NetworkWatcher.NetworkManagerInterface.StateChanged(
                                "/org/freedesktop/NetworkManager", new UInt32(state)));
                    }
                    waitFor(() -> checksDone(log) > checks, "a check after the network came back: " + read(log));
                }
                assertEquals(told, server.calls().size(), "the same state: nothing new to tell");
                assertTrue(server.calls().get(0).body().startsWith("\u2022 Hold kernel-core (FPS-2026-0045)."), server.calls().toString());
                assertEquals(1, watcher.registered().size(), "the tray icon registered");

                Processes.Result second = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", Processes.jar().toString(), "--background"), null, env);
                assertEquals(1, second.exitCode(), second.stderr());
                assertTrue(second.stderr().contains("Preflight already runs in the background."), second.stderr());

                // Opening Preflight now shows the background instance's window; the new process just asks.
                Processes.Result window = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", Processes.jar().toString()), null, env);
                assertEquals(0, window.exitCode(), window.stderr());
                waitFor(() -> Processes.run(List.of(xwininfo.toString(), "-root", "-tree"), null, Map.of()).stdout()
                        .contains("\"Preflight\""), "the background instance opened its window");
                // Its WM_CLASS is the desktop entry's StartupWMClass, as a window opened from the menu has.
                String tree = Processes.run(List.of(xwininfo.toString(), "-root", "-tree"), null, Map.of()).stdout();
                String entry = Files.readString(Path.of("packaging/org.fedoraproject.Preflight.desktop"));
                String wmClass = entry.lines().filter(l -> l.startsWith("StartupWMClass=")).findFirst().orElseThrow().substring(15);
                assertTrue(tree.lines().anyMatch(l -> l.contains("\"Preflight\"") && l.contains("\"" + wmClass + "\"")), tree);
                assertTrue(background.isAlive());

                bus.send("--dest=" + watcher.registered().get(0), "/MenuBar", "com.canonical.dbusmenu.Event", "int32:4",
                        "string:clicked", "variant:int32:0", "uint32:0");
                assertTrue(background.waitFor(30, TimeUnit.SECONDS), "Quit ends the process");
                assertEquals(0, background.exitValue(), read(log));

                Path again = home.resolve("again.log");
                Process restarted = start(env, again, args);
                try {
                    waitFor(() -> checksDone(again) >= 1, "the check after the restart ran");
                    assertEquals(told, server.calls().size(), "nothing new after a restart in the same state");
                } finally {
                    restarted.destroy();
                    restarted.waitFor(10, TimeUnit.SECONDS);
                }
            } finally {
                background.destroy();
                background.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
