package org.fedoraproject.preflight.adapter.fedora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.fedoraproject.preflight.adapter.feed.FeedFetcher;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.SilentServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodhi and Common Issues served by a loopback server: batching, paging, failures, kept answers, offline. */
class SignalSourcesTest {

    static final FeedFetcher.Policy FAST = new FeedFetcher.Policy(3, Duration.ofMillis(50), Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofSeconds(1), 8L * 1024 * 1024, Duration.ofSeconds(20));

    @TempDir
    Path cache;

    private FeedServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.http();
        fetcher = new FeedFetcher(FAST, "Preflight/test");
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
    }

    private SignalSources sources(String base) {
        return new SignalSources(() -> fetcher, cache, new SignalSources.Endpoints(base, base, base, true), Clock.systemUTC()).askingEveryTime();
    }

    private static FeedServer.Answer json(String body) {
        return FeedServer.Answer.json(body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static String update(String alias, String nvr, int karma) {
        return "{\"alias\":\"" + alias + "\",\"status\":\"testing\",\"karma\":" + karma + ",\"builds\":[{\"nvr\":\"" + nvr + "\"}]}";
    }

    @Test
    void threeHundredBuildsCostAHandfulOfRequestsAndEveryPageIsRead() {
        List<String> nvrs = IntStream.range(0, 300).mapToObj(i -> "pkg" + i + "-1.0-1.fc43").toList();
        // Every batch answers with two pages: the first names one build, the second another.
        server.answerByQuery("/updates/", query -> query.endsWith("&page=1")
                ? json("{\"updates\":[" + update("FEDORA-A", "pkg0-1.0-1.fc43", -1) + "],\"page\":1,\"pages\":2}")
                : json("{\"updates\":[" + update("FEDORA-B", "pkg299-1.0-1.fc43", 2) + "],\"page\":2,\"pages\":2}"));
        SignalSources.Read<BodhiUpdate> read = sources(server.url("")).bodhi(nvrs, false);
        List<FeedServer.Request> requests = server.requests();
        assertEquals(12, requests.size(), "6 batches of 50 builds, 2 pages each");
        // The batches go side by side; each one's pages in turn.
        Map<String, List<String>> pagesByBatch = new TreeMap<>();
        for (FeedServer.Request r : requests) {
            String q = r.query();
            assertTrue(q.startsWith("builds=pkg") && q.contains("&rows_per_page=100&page="), q);
            pagesByBatch.computeIfAbsent(q.substring(0, q.indexOf('&')), k -> new ArrayList<>()).add(q.substring(q.lastIndexOf('=') + 1));
        }
        assertEquals(6, pagesByBatch.size());
        pagesByBatch.values().forEach(pages -> assertEquals(List.of("1", "2"), pages));
        assertTrue(pagesByBatch.containsKey("builds=" + String.join("%2C", nvrs.subList(0, 50))), pagesByBatch.keySet().toString());
        assertEquals(Optional.empty(), read.problem());
        Map<String, BodhiUpdate> byBuild = SignalSources.byBuild(read.items());
        assertEquals(-1, byBuild.get("pkg0-1.0-1.fc43").karma());
        assertEquals(2, byBuild.get("pkg299-1.0-1.fc43").karma());
    }

    @Test
    void batchesGoSideBySideButNeverMoreThanFourAtOnceToOneHost() {
        server.latency(Duration.ofMillis(300));
        server.answer("/updates/", json("{\"updates\":[],\"page\":1,\"pages\":1}"));
        List<String> nvrs = IntStream.range(0, 450).mapToObj(i -> "pkg" + i + "-1.0-1.fc43").toList();
        long start = System.nanoTime();
        SignalSources.Read<BodhiUpdate> read = sources(server.url("")).bodhi(nvrs, false);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.empty(), read.problem());
        assertEquals(9, server.requests().size(), "9 batches of 50");
        assertEquals(Parallel.PER_HOST, server.mostAtOnce(), "four at once, never more");
        // One after the other they take 9 x 300 ms; four at a time, three rounds.
        assertTrue(ms < 9 * 300, ms + " ms");
    }

    @Test
    void aFailingServerIsRetriedWithRetryAfterThenTheKeptAnswerIsUsedAndSaidSo() {
        server.answer("/updates/", json("{\"updates\":[" + update("FEDORA-A", "a-1-1.fc43", -3) + "],\"pages\":1}"));
        SignalSources s = sources(server.url(""));
        assertEquals(1, s.bodhi(List.of("a-1-1.fc43"), false).items().size());
        server.answer("/updates/", FeedServer.Answer.status(503, Map.of("Retry-After", "1")),
                FeedServer.Answer.status(500, Map.of()));
        long start = System.nanoTime();
        SignalSources.Read<BodhiUpdate> read = s.bodhi(List.of("a-1-1.fc43"), false);
        assertTrue(System.nanoTime() - start >= 900_000_000L, "waited as Retry-After asked");
        assertEquals("Bodhi: HTTP 500; using the answer kept from before", read.problem().orElseThrow().english());
        assertEquals(-3, read.items().get(0).karma());
        assertEquals(1, s.bodhi(List.of("a-1-1.fc43"), true).items().size(), "offline: the kept answer");
        assertEquals("Bodhi: nothing kept yet (offline)", s.bodhi(List.of("b-1-1.fc43"), true).problem().orElseThrow().english());
    }

    @Test
    void aSilentServerOrGarbageIsAProblemNotAFailure() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            SignalSources.Read<CommonIssue> read = sources(silent.url("")).commonIssues("43", false);
            assertEquals(List.of(), read.items());
            assertTrue(read.problem().orElseThrow().english().startsWith("Common Issues: no answer within"), read.problem().toString());
        }
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", json("<html>not json</html>"));
        assertTrue(sources(server.url("")).commonIssues("43", false).problem().orElseThrow().english()
                .startsWith("Common Issues: its answer was not valid JSON"));
    }

    @Test
    void commonIssuesFollowMoreTopicsOfTheRelease() {
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", json("{\"topic_list\":{\"more_topics_url\":"
                + "\"/tags/c/ask/common-issues/82/none/f43?page=1\",\"topics\":[{\"id\":5,\"title\":\"First\",\"slug\":\"first\"}]}}"));
        SignalSources.Read<CommonIssue> read = sources(server.url("")).commonIssues("43", false);
        // The same path answers the second page too (the query is not part of the path): it stops after 3 pages.
        assertEquals(3, read.items().size());
        assertEquals(3, server.count("/tags/c/ask/common-issues/82/none/f43.json"));
        assertEquals("page=1", server.requests().get(1).query());
    }

    @Test
    void oneDeadlinePerSourceOverAllItsRequestsInACheck() throws Exception {
        // A patient client (one attempt, a long read timeout) before a server that never answers:
        // only the source's deadline ends the requests. Bodhi by alias and then by build share it.
        FeedFetcher patient = new FeedFetcher(new FeedFetcher.Policy(1, Duration.ofMillis(50), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(60), 8L * 1024 * 1024, Duration.ofSeconds(60)), "Preflight/test");
        try (SilentServer silent = new SilentServer(); patient) {
            SignalSources check = new SignalSources(() -> patient, cache,
                    new SignalSources.Endpoints(silent.url(""), silent.url(""), silent.url(""), true), Clock.systemUTC()).forOneCheck();
            long start = System.nanoTime();
            SignalSources.Read<BodhiUpdate> byAlias = check.bodhiByAlias(List.of("FEDORA-2026-0123456789"), false);
            SignalSources.Read<BodhiUpdate> byBuild = check.bodhi(List.of("mesa-25.1.6-1.fc43"), false);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(byAlias.problem().isPresent() && byBuild.problem().isPresent());
            assertTrue(took.compareTo(SignalSources.DEADLINE.plusSeconds(3)) < 0,
                    "one deadline for both lookups, not one each: " + took.toMillis() + " ms");
            System.out.println("SignalSourcesTest: two Bodhi lookups before a silent server ended after " + took.toMillis() + " ms");
        }
    }

    @Test
    void aFreshAnswerIsUsedWithoutAskingThenAskedAgainWithItsValidators() throws Exception {
        String base = server.url("");
        SignalSources reusing = new SignalSources(() -> fetcher, cache, new SignalSources.Endpoints(base, base, base, true), Clock.systemUTC());
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", FeedServer.Answer.json(
                "{\"topic_list\":{\"topics\":[{\"id\":7,\"title\":\"t\",\"slug\":\"t\",\"created_at\":\"2026-11-23T10:00:00Z\"}]}}"
                        .getBytes(StandardCharsets.UTF_8), "\"list-1\""));
        SignalSources.Read<CommonIssue> first = reusing.forOneCheck().commonIssues("43", false);
        assertEquals(SourceState.State.ANSWERED, first.state().state());
        long asked = server.requests().size();
        SignalSources.Read<CommonIssue> second = reusing.forOneCheck().commonIssues("43", false);
        assertEquals(asked, server.requests().size(), "within its freshness: not asked again");
        assertEquals(SourceState.State.REUSED, second.state().state());
        assertTrue(second.state().asOf().isPresent(), "said with its age");
        assertEquals(1, second.items().size());

        // Past its freshness: asked again with If-None-Match; unchanged, a 304 keeps it, fresh again.
        try (var kept = Files.list(cache)) {
            for (Path p : kept.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(
                        Instant.now().minus(SignalSources.FRESH_MINUTES).minusSeconds(60)));
            }
        }
        SignalSources.Read<CommonIssue> third = reusing.forOneCheck().commonIssues("43", false);
        assertEquals(asked + 1, server.requests().size());
        assertEquals("\"list-1\"", server.requests().get(server.requests().size() - 1).headers().getFirst("If-None-Match"));
        assertEquals(SourceState.State.ANSWERED, third.state().state(), "confirmed by the server just now");
        assertEquals(1, third.items().size());
        reusing.forOneCheck().commonIssues("43", false);
        assertEquals(asked + 1, server.requests().size(), "confirmed: fresh again");
    }
}
