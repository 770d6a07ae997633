package org.fedoraproject.preflight.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.adapter.desktop.RecordingNotifications;
import org.fedoraproject.preflight.testing.PrivateBus;

/**
 * {@code preflight --background} through the launcher on a private session bus with a recording
 * notification server: how long its checks take (it logs each with PREFLIGHT_TIMING), then its
 * resident memory and the CPU time it uses while idle for 60 seconds between checks.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.BackgroundTiming
 * -Dbench.args="ROOT [sample]"} (default: the dnf4 test root and the sample feed).
 */
public final class BackgroundTiming {

    private static final Pattern DONE = Pattern.compile("check done in (\\d+) ms");

    private BackgroundTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path root = CheckTiming.root(args, "dnf4");
        Path work = Files.createTempDirectory("preflight-background-timing");
        Path feedFile = CheckTiming.signedFeed(work, CheckTiming.sampleFeed());
        try (PrivateBus bus = PrivateBus.start(); RecordingNotifications server = new RecordingNotifications(bus.connect())) {
            Path log = work.resolve("background.log");
            List<String> command = new ArrayList<>(List.of("packaging/preflight", "--background", "--root", root.toString(),
                    "--feed", feedFile.toUri().toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(Map.of("XDG_CONFIG_HOME", work.resolve("config").toString(),
                    "XDG_CACHE_HOME", work.resolve("cache").toString(), "XDG_STATE_HOME", work.resolve("state").toString(),
                    "XDG_RUNTIME_DIR", Files.createDirectories(work.resolve("run")).toString(),
                    "DBUS_SESSION_BUS_ADDRESS", bus.address(), "PREFLIGHT_FIRST_CHECK_SECONDS", "0", "PREFLIGHT_TIMING", "1",
                    "PREFLIGHT_JAR", Path.of("target/preflight.jar").toAbsolutePath().toString(),
                    "JAVA_HOME", System.getProperty("java.home")));
            pb.environment().remove("DISPLAY");
            Process p = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(log).contains("check done") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Matcher m = DONE.matcher(Files.readString(log));
                if (!m.find()) {
                    throw new IllegalStateException("no check: " + Files.readString(log));
                }
                Thread.sleep(5000);
                System.out.printf("root %s, sample feed: first background check %s ms (cold JVM), %d notifications%n",
                        root, m.group(1), server.calls().size());
                long pid = javaPid(p);
                long[] before = cpu(pid);
                long rssBefore = rss(pid);
                Thread.sleep(60_000);
                long[] after = cpu(pid);
                System.out.printf("idle: resident %d MB after the check, %d MB after 60 s idle%n", rssBefore / 1024, rss(pid) / 1024);
                System.out.printf("idle: CPU used in 60 s: %d ms user, %d ms system (clock ticks of 10 ms)%n",
                        (after[0] - before[0]) * 10, (after[1] - before[1]) * 10);
            } finally {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The launcher's first run waits for java (writing its class archive); later runs exec it. */
    private static long javaPid(Process p) {
        return p.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(p.pid());
    }

    private static long rss(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }

    /** utime and stime, in clock ticks, from /proc/PID/stat. */
    private static long[] cpu(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }
}
