package org.fedoraproject.preflight.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.testing.Processes;

/**
 * Times {@code preflight check --offline --json} as a user runs it (the packaged launcher,
 * packaging/preflight, and for comparison {@code java -jar}), from process start to exit,
 * on the generated benchmark root (5,000 installed, 500 pending, 5,000 transactions) with a
 * signed feed of 10,000 incidents kept from a first run; and, in the same run, dnf's own
 * {@code check-update --cacheonly} on that root, which the check waits for.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.CheckTiming}
 * (after build-roots.sh and build-bench-root.sh); {@code -Dbench.args=N} makes one incident in N
 * concern the root (default 20; 1 is the worst case, every incident).
 */
public final class CheckTiming {

    static final int RUNS = 7;

    private CheckTiming() {
    }

    /**
     * Sets each incident's ranges to the benchmark root's versions: for one incident in
     * {@code every}, the installed version (affected; every second one with the pending update
     * as its fix); for the others a version the root does not have.
     */
    static String withBenchVersions(String json, int every) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        int k = 0;
        for (JsonElement e : root.getAsJsonArray("incidents")) {
            JsonObject incident = e.getAsJsonObject();
            incident.add("releases", new JsonArray());
            incident.add("variants", new JsonArray());
            for (JsonElement a : incident.getAsJsonArray("affected")) {
                JsonObject affected = a.getAsJsonObject();
                int i = Integer.parseInt(affected.get("name").getAsString().substring("bench-pkg-".length()));
                String version = (i % 7 + 1) + "." + (i % 13) + "." + (i % 5);
                boolean concerns = k % every == 0;
                affected.addProperty("introduced", version + "-" + (concerns ? i % 3 + 1 : 50) + ".fc43");
                if (concerns && (k / every) % 2 == 0) {
                    affected.addProperty("fixed", version + "-" + (i % 3 + 11) + ".fc43");
                } else {
                    affected.remove("fixed");
                }
                affected.addProperty("last_good", version + "-0.fc43");
            }
            k++;
        }
        return root.toString();
    }

    /** The root named by the first argument, or the given test root. */
    static Path root(String[] args, String testRoot) {
        Path roots = Path.of(System.getenv().getOrDefault("PREFLIGHT_TEST_ROOTS", "/var/tmp/preflight-test-roots"));
        return args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : roots.resolve(testRoot);
    }

    /** The bundled sample feed's text. */
    static String sampleFeed() throws IOException {
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the feed and its signature into {@code work}, and trusts the key in work/config. */
    static Path signedFeed(Path work, String feed) throws Exception {
        Path feedFile = work.resolve("feed.json");
        Files.writeString(feedFile, feed, StandardCharsets.UTF_8);
        KeyPair key = FeedKeys.generate();
        Files.writeString(work.resolve("feed.json.sig"), FeedKeys.sign(Files.readAllBytes(feedFile), key.getPrivate()));
        Path keys = Files.createDirectories(work.resolve("config/preflight/trusted-keys"));
        Files.writeString(keys.resolve("bench.pub"), FeedKeys.publicPem(key.getPublic()));
        // Benchmarks measure Preflight, and touch nothing beyond loopback: Fedora's live signals are off.
        Files.writeString(keys.getParent().resolve("settings.json"), "{\"bodhi\": false, \"common_issues\": false, \"bugzilla\": false}");
        return feedFile;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("PREFLIGHT_TEST_ROOTS", "/var/tmp/preflight-test-roots"), "bench");
        Path jar = Path.of("target/preflight.jar");
        Path work = Files.createTempDirectory("preflight-check-timing");
        // Incidents over the root's own packages and versions, so that thousands of them concern it:
        // build-bench-root.sh gave bench-pkg-i version (i%7+1).(i%13).(i%5), release (i%3+1).fc43,
        // and the first 500 an update with release (i%3+11).fc43.
        int every = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.printf("one incident in %d concerns the root%n", every);
        String feed = withBenchVersions(FeedParseBenchmark.bigFeed(10_000, (name, k) -> "bench-pkg-" + (2 + (k * 7) % 4999)), every);
        Path feedFile = signedFeed(work, feed);
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", work.resolve("config").toString(),
                "XDG_CACHE_HOME", work.resolve("cache").toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> check = List.of(java, "-jar", jar.toString(), "check", "--json", "--root", root.toString(),
                "--feed", feedFile.toUri().toString());
        Processes.Result first = Processes.run(check, null, env);
        JsonObject answer = JsonParser.parseString(first.stdout()).getAsJsonObject();
        System.out.printf("first run (keeps the feed): exit %d, verdict %s, %d updates, %d incidents concern the system%n",
                first.exitCode(), answer.get("verdict"), answer.getAsJsonArray("updates").size(),
                answer.getAsJsonArray("incidents").size());
        List<String> offline = new ArrayList<>(check);
        offline.add("--offline");
        List<String> dnf = List.of("dnf-3", "--installroot=" + root, "--cacheonly", "--quiet", "check-update");

        // The `preflight` command as packaged (packaging/preflight), and the bare jar.
        List<String> launcher = new ArrayList<>(List.of("packaging/preflight"));
        launcher.addAll(offline.subList(3, offline.size()));
        Map<String, String> launcherEnv = new HashMap<>(env);
        launcherEnv.put("PREFLIGHT_JAR", jar.toString());
        launcherEnv.put("JAVA_HOME", System.getProperty("java.home"));

        // The launcher's first run writes its class-data archive into XDG_CACHE_HOME; timed apart.
        long firstStart = System.nanoTime();
        Processes.run(launcher, null, launcherEnv);
        System.out.printf("preflight check, first run (writes the class archive): %d ms%n",
                (System.nanoTime() - firstStart) / 1_000_000);

        long[] launcherTimes = new long[RUNS];
        Map<String, String> noArchiveEnv = new HashMap<>(launcherEnv);
        noArchiveEnv.put("PREFLIGHT_NO_CDS", "1");
        long[] noArchiveTimes = new long[RUNS];
        long[] jarTimes = new long[RUNS];
        long[] dnfTimes = new long[RUNS];
        int exit = -1;
        for (int k = 0; k < RUNS; k++) {
            long start = System.nanoTime();
            exit = Processes.run(launcher, null, launcherEnv).exitCode();
            launcherTimes[k] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Processes.run(launcher, null, noArchiveEnv);
            noArchiveTimes[k] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Processes.run(offline, null, env);
            jarTimes[k] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Processes.run(dnf, null, Map.of());
            dnfTimes[k] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(launcherTimes);
        Arrays.sort(jarTimes);
        Arrays.sort(noArchiveTimes);
        Arrays.sort(dnfTimes);
        System.out.printf("preflight check --offline --json:          median %d ms (min %d, max %d), exit %d%n",
                launcherTimes[RUNS / 2], launcherTimes[0], launcherTimes[RUNS - 1], exit);
        System.out.printf("  the same without the class archive:      median %d ms (min %d, max %d)%n",
                noArchiveTimes[RUNS / 2], noArchiveTimes[0], noArchiveTimes[RUNS - 1]);
        System.out.printf("java -jar preflight.jar check --offline --json: median %d ms (min %d, max %d)%n",
                jarTimes[RUNS / 2], jarTimes[0], jarTimes[RUNS - 1]);
        System.out.printf("dnf-3 --cacheonly check-update:            median %d ms (min %d, max %d)%n",
                dnfTimes[RUNS / 2], dnfTimes[0], dnfTimes[RUNS - 1]);
        System.out.printf("Preflight's own share (preflight check minus dnf): about %d ms%n",
                launcherTimes[RUNS / 2] - dnfTimes[RUNS / 2]);
    }
}
