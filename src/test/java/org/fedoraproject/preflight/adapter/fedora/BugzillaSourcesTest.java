package org.fedoraproject.preflight.adapter.fedora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.fedoraproject.preflight.adapter.feed.FeedFetcher;
import org.fedoraproject.preflight.signal.Bug;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.testing.FeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bugzilla and Common Issues' first posts served by a loopback server that behaves like Red
 * Hat's Bugzilla for an anonymous user: at most 20 rows an answer, searches in bug id order.
 */
class BugzillaSourcesTest {

    @TempDir
    Path cache;

    private FeedServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.http();
        fetcher = new FeedFetcher(SignalSourcesTest.FAST, "Preflight/test");
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        server.close();
    }

    private SignalSources sources() {
        String base = server.url("");
        return new SignalSources(() -> fetcher, cache, new SignalSources.Endpoints(base, base, base, true), Clock.systemUTC()).askingEveryTime();
    }

    private static FeedServer.Answer json(String body) {
        return FeedServer.Answer.json(body.getBytes(StandardCharsets.UTF_8), null);
    }

    static String bug(long id, String component) {
        return "{\"id\":" + id + ",\"summary\":\"bug " + id + "\",\"component\":[\"" + component + "\"],\"version\":[\"43\"],"
                + "\"status\":\"NEW\",\"resolution\":\"\",\"is_open\":true,\"keywords\":[\"CommonBugs\"],\"cf_fixed_in\":\"\","
                + "\"severity\":\"high\",\"creation_time\":\"2026-11-20T10:00:00Z\"}";
    }

    private static String param(String query, String name) {
        Matcher m = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(query);
        return m.find() ? m.group(1) : "";
    }

    /** Like Red Hat's Bugzilla to an anonymous user: bug ids above v1, in order, 20 at most. */
    private void serveBugs(long count) {
        server.answerByQuery("/rest/bug", query -> {
            long after = Long.parseLong(param(query, "v1").isEmpty() ? "0" : param(query, "v1"));
            String rows = LongStream.rangeClosed(1, count).map(i -> 1_000_000 + i).filter(id -> id > after).limit(20)
                    .mapToObj(id -> bug(id, "mesa")).collect(Collectors.joining(","));
            return json("{\"faults\":[],\"bugs\":[" + rows + "]}");
        });
    }

    @Test
    void commonBugsArePagedByBugIdTwentyRowsAtATime() {
        serveBugs(45);
        SignalSources.Read<Bug> read = sources().commonBugs("43", false);
        assertEquals(45, read.items().size());
        assertEquals(SourceState.State.ANSWERED, read.state().state());
        List<FeedServer.Request> requests = server.requests();
        assertEquals(3, requests.size(), "20 + 20 + 5 rows");
        for (FeedServer.Request r : requests) {
            assertEquals("CommonBugs", param(r.query(), "keywords"));
            assertEquals("43", param(r.query(), "version"));
            assertEquals("Fedora", param(r.query(), "product"));
            assertEquals("20", param(r.query(), "limit"));
            assertEquals("bug_id", param(r.query(), "order"));
        }
        assertEquals(List.of("0", "1000020", "1000040"), requests.stream().map(r -> param(r.query(), "v1")).toList());
        assertEquals(List.of("mesa"), read.items().stream().map(Bug::component).distinct().toList(), "component as an array");
        assertTrue(read.items().get(0).common());
    }

    @Test
    void exactlyTwentyRowsAskForTheNextPageWhichIsEmpty() {
        serveBugs(20);
        assertEquals(20, sources().commonBugs("43", false).items().size());
        assertEquals(2, server.requests().size());
    }

    @Test
    void bugsByIdAndComponentSearchesAreBatchedByTwenty() {
        serveBugs(0);
        List<Long> ids = LongStream.range(1, 46).boxed().toList();
        sources().bugs(ids, false);
        assertEquals(3, server.requests().size(), "45 ids: 20 + 20 + 5");
        // The batches go side by side: in whatever order they arrive.
        assertEquals(List.of(5, 20, 20), server.requests().stream().map(r -> URLDecoder.decode(param(r.query(), "id"),
                StandardCharsets.UTF_8).split(",").length).sorted().toList());
        List<String> components = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            components.add("pkg" + i);
        }
        int before = server.requests().size();
        sources().bugsFiledSince("43", components, Instant.parse("2026-11-20T10:11:12Z"), false);
        List<FeedServer.Request> searches = server.requests().subList(before, server.requests().size());
        assertEquals(2, searches.size(), "25 components: 20 + 5");
        assertEquals(List.of(5, 20), searches.stream().map(r -> r.query().split("&component=").length - 1).sorted().toList());
        for (FeedServer.Request search : searches) {
            assertEquals("2026-11-20T00%3A00%3A00Z", param(search.query(), "creation_time"));
            assertTrue(search.query().contains("bug_status=NEW"), search.query());
        }
    }

    @Test
    void retryAfterIsHonouredAndGarbageNeverReplacesTheKeptAnswer() {
        server.answer("/rest/bug", FeedServer.Answer.status(503, Map.of("Retry-After", "1")),
                json("{\"bugs\":[" + bug(7, "mesa") + "]}"), json("<html>maintenance</html>"));
        SignalSources s = sources();
        long start = System.nanoTime();
        SignalSources.Read<Bug> first = s.commonBugs("43", false);
        assertTrue(System.nanoTime() - start >= 900_000_000L, "waited as Retry-After asked");
        assertEquals(1, first.items().size());
        SignalSources.Read<Bug> garbage = s.commonBugs("43", false);
        assertEquals(SourceState.State.KEPT, garbage.state().state());
        assertTrue(garbage.problem().orElseThrow().english().startsWith("Bugzilla: its answer was not valid JSON"), garbage.problem().toString());
        assertTrue(garbage.problem().orElseThrow().english().endsWith("using the answer kept from before"), garbage.problem().toString());
        assertEquals(1, garbage.items().size(), "the kept answer");
        assertEquals(1, s.commonBugs("43", true).items().size(), "offline: still the good answer, not the garbage");
        server.answer("/rest/bug", json("{\"error\":true,\"message\":\"The product 'Fedora' does not exist\",\"code\":106}"));
        assertTrue(s.commonBugs("44", false).problem().orElseThrow().english().contains("Bugzilla said: The product"), "Bugzilla's own error");
        assertEquals(SourceState.State.FAILED, s.commonBugs("44", false).state().state(), "nothing kept for 44");
    }

    @Test
    void aFirstPostIsAskedAgainOnlyWhenTheTopicMoved() {
        server.answer("/raw/501/1", FeedServer.Answer.text("## Workaround\nLog in to GNOME on Xorg."));
        Instant long_ago = Instant.parse("2026-01-01T00:00:00Z");
        CommonIssue quiet = new CommonIssue(501, "Black screen", "https://d/t/501", long_ago, List.of());
        SignalSources s = sources();
        assertEquals("## Workaround\nLog in to GNOME on Xorg.", s.firstPosts(List.of(quiet), false).items().get(0).firstPost().orElseThrow());
        s.firstPosts(List.of(quiet), false);
        assertEquals(1, server.count("/raw/501/1"), "kept less than six hours, and nothing posted since");
        CommonIssue moved = new CommonIssue(501, "Black screen", "https://d/t/501", long_ago, List.of(), false,
                Instant.now().plusSeconds(60), Optional.empty());
        s.firstPosts(List.of(moved), false);
        assertEquals(2, server.count("/raw/501/1"), "someone wrote in it since");
    }
}
