package org.fedoraproject.preflight.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.testing.Processes;

/**
 * Times the window as a user opens it: {@code preflight --root ROOT --feed FEED} through the
 * launcher, from process start until the first verdict (from kept data) is laid out for
 * painting, as the window itself reports with PREFLIGHT_TIMING; then its resident memory
 * (VmRSS) two and a half seconds later, once the refresh has finished. Needs an X display (xvfb-run).
 *
 * <p>Run: {@code xvfb-run -a mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.WindowTiming}
 * with {@code -Dbench.args="ROOT [sample]"} (default: the bench root of build-bench-root.sh and
 * a feed of 10,000 incidents; "sample" takes the bundled sample feed instead).
 */
public final class WindowTiming {

    static final int RUNS = 7;
    private static final Pattern SHOWN = Pattern.compile("verdict shown at (\\d+) ms since the epoch");

    private WindowTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path root = CheckTiming.root(args, "bench");
        Path work = Files.createTempDirectory("preflight-window-timing");
        boolean sample = args.length > 1 && args[1].equals("sample");
        String feed;
        if (sample) {
            feed = CheckTiming.sampleFeed();
        } else {
            feed = CheckTiming.withBenchVersions(FeedParseBenchmark.bigFeed(10_000,
                    (name, k) -> "bench-pkg-" + (2 + (k * 7) % 4999)), 20);
        }
        Path feedFile = CheckTiming.signedFeed(work, feed);
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", work.resolve("config").toString(),
                "XDG_CACHE_HOME", work.resolve("cache").toString(), "HOME", work.toString(),
                "PREFLIGHT_JAR", Path.of("target/preflight.jar").toAbsolutePath().toString(),
                "JAVA_HOME", System.getProperty("java.home"), "PREFLIGHT_TIMING", "6");
        // Keeps the feed (and writes the launcher's class archive) the way a first check does.
        Processes.Result first = Processes.run(List.of("packaging/preflight", "check", "--json", "--root", root.toString(),
                "--feed", feedFile.toUri().toString()), null, env);
        System.out.printf("root %s, %s; first check: exit %d%n", root,
                sample ? "the sample feed" : "a feed of 10,000 incidents", first.exitCode());
        List<String> command = List.of("packaging/preflight", "--root", root.toString(), "--feed", feedFile.toUri().toString());
        open(command, env); // warm-up: the file system cache, as on a desktop where Preflight has run before
        long[] shown = new long[RUNS];
        long[] rss = new long[RUNS];
        for (int k = 0; k < RUNS; k++) {
            long[] r = open(command, env);
            shown[k] = r[0];
            rss[k] = r[1];
        }
        Arrays.sort(shown);
        Arrays.sort(rss);
        System.out.printf("window: verdict from kept data shown after median %d ms (min %d, max %d)%n",
                shown[RUNS / 2], shown[0], shown[RUNS - 1]);
        System.out.printf("window: resident memory after opening, median %d MB (min %d, max %d)%n",
                rss[RUNS / 2] / 1024, rss[0] / 1024, rss[RUNS - 1] / 1024);
    }

    /** Opens the window, waits for its report, reads VmRSS (kB) two seconds later, closes it. */
    private static long[] open(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long started = System.currentTimeMillis();
        Process p = pb.start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            long ms = -1;
            while ((line = err.readLine()) != null) {
                Matcher m = SHOWN.matcher(line);
                if (m.find()) {
                    ms = Long.parseLong(m.group(1)) - started;
                    break;
                }
            }
            if (ms < 0) {
                throw new IllegalStateException("the window did not report a verdict; exit " + p.waitFor());
            }
            Thread.sleep(2500);
            long kb = Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
            return new long[] {ms, kb};
        } finally {
            // PREFLIGHT_TIMING=6 closes the window six seconds after the verdict, as a user would.
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroy();
            }
        }
    }
}
