package org.fedoraproject.preflight.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.Processes;

/**
 * What Fedora's own sources cost a check: {@code preflight check --json} on the benchmark root
 * (5,000 installed, 500 pending in 250 advisories) with no feed, Bodhi, Bugzilla and Discourse
 * all answering from a loopback server shaped like Fedora's (Bodhi by alias; Bugzilla 20 rows a
 * page, 45 CommonBugs bugs; 20 Common Issues topics with first posts), against the same check with
 * the sources off. Prints the requests and bytes of a first and a later run, and the medians.
 *
 * Then, in one run, the medians of a cold check (nothing kept), a warm one within the sources'
 * freshness, a warm one after it (every answer asked again conditionally) and one with the
 * sources off, with the requests each made.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.SourcesTiming -Dbench.args="3 300"}
 * (one CommonBugs bug in 3 against the root; every request waits 300 ms), after build-roots.sh
 * and build-bench-root.sh.
 */
public final class SourcesTiming {

    static final int RUNS = 7;
    /** One CommonBugs bug in BASE_EVERY is against bench-base, the source of all 5,000 packages (default 3; -Dbench.args=N). */
    static int BASE_EVERY = 3;
    private static final Pattern ALIAS = Pattern.compile("FEDORA-2026-[0-9a-f]{10}");

    private SourcesTiming() {
    }

    /** An answer with an ETag of its body, as Fedora's servers send one: a conditional request for it costs a 304. */
    static FeedServer.Answer json(String body) {
        return FeedServer.Answer.json(body.getBytes(StandardCharsets.UTF_8), "\"" + Integer.toHexString(body.hashCode()) + "\"");
    }

    static String bug(long id, String component) {
        return "{\"id\":" + id + ",\"summary\":\"bench bug " + id + "\",\"component\":[\"" + component + "\"],\"version\":[\"43\"],"
                + "\"status\":\"NEW\",\"resolution\":\"\",\"is_open\":true,\"keywords\":[\"CommonBugs\"],\"cf_fixed_in\":\"\","
                + "\"severity\":\"medium\",\"creation_time\":\"2026-11-20T10:00:00Z\"}";
    }

    static FeedServer serve() throws Exception {
        FeedServer server = FeedServer.http();
        server.answerByQuery("/updates/", query -> {
            if (!query.startsWith("alias=")) {
                return json("{\"updates\":[],\"page\":1,\"pages\":1}");
            }
            Matcher m = ALIAS.matcher(URLDecoder.decode(query, StandardCharsets.UTF_8));
            List<String> updates = new ArrayList<>();
            while (m.find()) {
                updates.add("{\"alias\":\"" + m.group() + "\",\"status\":\"stable\",\"karma\":1,\"severity\":\"medium\","
                        + "\"date_submitted\":\"2026-11-10 10:00:00\",\"builds\":[{\"nvr\":\"bench-" + m.group() + "-1-1.fc43\"}],"
                        + "\"comments\":[{\"karma\":1,\"text\":\"works\",\"timestamp\":\"2026-11-11 10:00:00\",\"user\":{\"name\":\"t\"}}],"
                        + "\"bugs\":[{\"bug_id\":2500000,\"title\":\"bench bug\"}]}");
            }
            return json("{\"updates\":[" + String.join(",", updates) + "],\"page\":1,\"pages\":1}");
        });
        server.answerByQuery("/rest/bug", query -> {
            String v1 = query.replaceAll(".*[?&]?v1=([0-9]+).*", "$1");
            long after = query.contains("v1=") ? Long.parseLong(v1) : 0;
            String rows = query.contains("keywords=CommonBugs")
                    ? IntStream.rangeClosed(1, 45).mapToLong(i -> 2_600_000L + i).filter(id -> id > after).limit(20)
                            .mapToObj(id -> bug(id, id % BASE_EVERY == 0 ? "bench-base" : "not-here-" + id)).collect(Collectors.joining(","))
                    : query.startsWith("id=") ? bug(2_700_001, "bench-updates") : "";
            return json("{\"faults\":[],\"bugs\":[" + rows + "]}");
        });
        StringBuilder topics = new StringBuilder();
        for (int t = 1; t <= 20; t++) {
            topics.append(t == 1 ? "" : ",").append("{\"id\":").append(900 + t).append(",\"title\":\"Known issue ").append(t)
                    .append(" with bench-pkg-").append(t * 7).append("\",\"slug\":\"k").append(t)
                    .append("\",\"created_at\":\"2026-11-2").append(t % 9).append("T10:00:00Z\",\"tags\":[\"f43\"]}");
            server.answer("/raw/" + (900 + t) + "/1", FeedServer.Answer.text("After the update bench-pkg-" + (t * 7)
                    + " misbehaves.\n\nBug: https://bugzilla.redhat.com/show_bug.cgi?id=2700001\n\n## Workaround\n"
                    + "* Keep the old version.\n"));
        }
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", json("{\"topic_list\":{\"topics\":[" + topics + "]}}"));
        server.answer("/releases/", json("{\"releases\":[{\"name\":\"F43\",\"version\":\"43\",\"id_prefix\":\"FEDORA\","
                + "\"state\":\"current\",\"eol\":\"2026-12-02\"},{\"name\":\"F44\",\"version\":\"44\",\"id_prefix\":\"FEDORA\","
                + "\"state\":\"current\",\"eol\":\"2027-05-19\"}],\"page\":1,\"pages\":1}"));
        return server;
    }

    static long time(List<String> command, Map<String, String> env) {
        long start = System.nanoTime();
        Processes.run(command, null, env);
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every kept answer made older by {@code by}, as if that much time had passed since it was asked. */
    static void age(Path dir, Duration by) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Files.getLastModifiedTime(p).toInstant().minus(by)));
            }
        }
    }

    static long latency = 0;

    /** The three servers' requests as one list, in the order each server saw them. */
    record Servers(List<FeedServer> all) {
        List<FeedServer.Request> requests() {
            return all.stream().flatMap(s -> s.requests().stream()).toList();
        }

        long bytesSent() {
            return all.stream().mapToLong(FeedServer::bytesSent).sum();
        }

        Map<String, Long> byPath() {
            return requests().stream().collect(Collectors.groupingBy(q -> q.path().startsWith("/raw/") ? "/raw/*" : q.path(),
                    Collectors.counting()));
        }
    }

    public static void main(String[] args) throws Exception {
        BASE_EVERY = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 3;
        latency = args.length > 1 ? Long.parseLong(args[1]) : 0;
        System.out.printf("one CommonBugs bug in %d is against bench-base (all 5,000 packages)%n", BASE_EVERY);
        Path root = CheckTiming.root(new String[0], "bench");
        Path jar = Path.of("target/preflight.jar");
        Path work = Files.createTempDirectory("preflight-sources-timing");
        // Three servers, as Bodhi, Discourse and Bugzilla are three hosts (Preflight's limit of requests at once is per host).
        try (FeedServer bodhi = serve(); FeedServer discourse = serve(); FeedServer bugzilla = serve()) {
            Servers server = new Servers(List.of(bodhi, discourse, bugzilla));
            server.all.forEach(s -> s.latency(Duration.ofMillis(latency)));
            Map<String, String> on = new HashMap<>(Map.of("XDG_CONFIG_HOME", work.resolve("on/config").toString(),
                    "XDG_CACHE_HOME", work.resolve("on/cache").toString(), "PREFLIGHT_BODHI_URL", bodhi.url(""),
                    "PREFLIGHT_DISCOURSE_URL", discourse.url(""), "PREFLIGHT_BUGZILLA_URL", bugzilla.url("")));
            Map<String, String> off = new HashMap<>(on);
            off.put("XDG_CONFIG_HOME", work.resolve("off/config").toString());
            off.put("XDG_CACHE_HOME", work.resolve("off/cache").toString());
            Path settings = Files.createDirectories(work.resolve("off/config/preflight")).resolve("settings.json");
            Files.writeString(settings, "{\"bodhi\": false, \"common_issues\": false, \"bugzilla\": false}");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> check = List.of(java, "-jar", jar.toString(), "check", "--json", "--root", root.toString());

            for (String run : List.of("first", "second")) {
                int before = server.requests().size();
                Map<String, Long> pathsBefore = server.byPath();
                long bytes = server.bytesSent();
                long start = System.nanoTime();
                Processes.Result r = Processes.run(check, null, on);
                long ms = (System.nanoTime() - start) / 1_000_000;
                JsonObject answer = JsonParser.parseString(r.stdout()).getAsJsonObject();
                Map<String, Long> byPath = new TreeMap<>(server.byPath());
                pathsBefore.forEach((path, n) -> byPath.merge(path, -n, Long::sum));
                byPath.values().removeIf(n -> n == 0);
                System.out.printf("%s run: exit %d, verdict %s, %d ms, %d requests %s, %d bytes; sources %s%n", run, r.exitCode(),
                        answer.get("verdict"), ms, server.requests().size() - before, byPath, server.bytesSent() - bytes,
                        answer.getAsJsonArray("sources"));
                System.out.printf("  %d incidents concern the system, %d derived%n", answer.getAsJsonArray("incidents").size(),
                        answer.getAsJsonArray("incidents").asList().stream()
                                .filter(i -> i.getAsJsonObject().get("confidence").getAsString().equals("derived")).count());
            }
            Path signals = work.resolve("on/cache/preflight/signals");
            long[] cold = new long[RUNS];
            long[] fresh = new long[RUNS];
            long[] stale = new long[RUNS];
            long[] without = new long[RUNS];
            int[] requests = new int[3];
            for (int k = 0; k < RUNS; k++) {
                // Cold: nothing kept. Warm within freshness: the answers the cold run kept. Warm after
                // freshness: the same answers aged past it, so every one is asked again conditionally.
                deleteTree(signals);
                int before = server.requests().size();
                cold[k] = time(check, on);
                requests[0] = server.requests().size() - before;
                before = server.requests().size();
                fresh[k] = time(check, on);
                requests[1] = server.requests().size() - before;
                age(signals, Duration.ofMinutes(11));
                before = server.requests().size();
                stale[k] = time(check, on);
                requests[2] = server.requests().size() - before;
                without[k] = time(check, off);
            }
            long off0 = median(without);
            System.out.printf("latency per request: %d ms%n", latency);
            System.out.printf("check, sources off:                 median %d ms%n", off0);
            System.out.printf("check, cold (nothing kept):         median %d ms (+%d ms), %d requests%n", median(cold), median(cold) - off0,
                    requests[0]);
            System.out.printf("check, warm within freshness:       median %d ms (+%d ms), %d requests%n", median(fresh),
                    median(fresh) - off0, requests[1]);
            System.out.printf("check, warm after freshness (304s): median %d ms (+%d ms), %d requests%n", median(stale),
                    median(stale) - off0, requests[2]);
            long[] withSources = fresh;
            Arrays.sort(withSources);
            Arrays.sort(without);
            System.out.printf("Preflight adds %d ms (medians) for Fedora's sources%n", withSources[RUNS / 2] - without[RUNS / 2]);
        }
    }
}
