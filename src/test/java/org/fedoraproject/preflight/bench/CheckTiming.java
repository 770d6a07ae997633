package org.fedoraproject.preflight.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.feed.FeedKeys;
import org.fedoraproject.preflight.testing.Processes;

/**
 * Times {@code preflight check --offline --json} as a user runs it, from process start to exit,
 * on the generated benchmark root (5,000 installed, 500 pending, 5,000 transactions) with a
 * signed feed of 10,000 incidents kept from a first run; and, in the same run, dnf's own
 * {@code check-update --cacheonly} on that root, which the check waits for.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.CheckTiming}
 * (after build-roots.sh and build-bench-root.sh).
 */
public final class CheckTiming {

    static final int RUNS = 7;

    private CheckTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("PREFLIGHT_TEST_ROOTS", "/var/tmp/preflight-test-roots"), "bench");
        Path jar = Path.of("target/preflight.jar");
        Path work = Files.createTempDirectory("preflight-check-timing");
        // Incidents over the root's own package names, so that thousands of them concern it.
        String feed = FeedParseBenchmark.bigFeed(10_000, (name, k) -> "bench-pkg-" + (2 + (k * 7) % 4999));
        Path feedFile = work.resolve("feed.json");
        Files.writeString(feedFile, feed, StandardCharsets.UTF_8);
        KeyPair key = FeedKeys.generate();
        Files.writeString(work.resolve("feed.json.sig"), FeedKeys.sign(Files.readAllBytes(feedFile), key.getPrivate()));
        Path keys = Files.createDirectories(work.resolve("config/preflight/trusted-keys"));
        Files.writeString(keys.resolve("bench.pub"), FeedKeys.publicPem(key.getPublic()));
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", work.resolve("config").toString(),
                "XDG_CACHE_HOME", work.resolve("cache").toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> check = List.of(java, "-jar", jar.toString(), "check", "--json", "--root", root.toString(),
                "--feed", feedFile.toUri().toString());
        Processes.Result first = Processes.run(check, null, env);
        System.out.printf("first run (keeps the feed): exit %d, %d bytes of JSON%n", first.exitCode(), first.stdout().length());
        List<String> offline = new ArrayList<>(check);
        offline.add("--offline");
        List<String> dnf = List.of("dnf-3", "--installroot=" + root, "--cacheonly", "--quiet", "check-update");

        long[] checkTimes = new long[RUNS];
        long[] dnfTimes = new long[RUNS];
        int exit = -1;
        for (int k = 0; k < RUNS; k++) {
            long start = System.nanoTime();
            Processes.Result r = Processes.run(offline, null, env);
            checkTimes[k] = (System.nanoTime() - start) / 1_000_000;
            exit = r.exitCode();
            start = System.nanoTime();
            Processes.run(dnf, null, Map.of());
            dnfTimes[k] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(checkTimes);
        Arrays.sort(dnfTimes);
        System.out.printf("preflight check --offline --json: median %d ms (min %d, max %d), exit %d%n",
                checkTimes[RUNS / 2], checkTimes[0], checkTimes[RUNS - 1], exit);
        System.out.printf("dnf-3 --cacheonly check-update:    median %d ms (min %d, max %d)%n",
                dnfTimes[RUNS / 2], dnfTimes[0], dnfTimes[RUNS - 1]);
        System.out.printf("Preflight's own share (check minus dnf): about %d ms%n", checkTimes[RUNS / 2] - dnfTimes[RUNS / 2]);
    }
}
