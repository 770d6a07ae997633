package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.testing.FedoraSources;
import org.fedoraproject.preflight.testing.FeedServer.Answer;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight check} from the jar, end to end: the real test roots (rpm, dnf4, dnf5), the
 * sample feed signed with a test key and served over loopback, the key trusted through the
 * user's config directory.
 */
class CheckIT {

    @TempDir
    Path home;

    private SignedFeed feed;
    private FeedServer server;
    private Map<String, String> env;

    @BeforeEach
    void serveSignedFeed() throws Exception {
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            feed = SignedFeed.serve(in.readAllBytes(), home);
        }
        server = feed.server();
        env = feed.environment();
    }

    @AfterEach
    void stop() {
        feed.close();
    }

    private Processes.Result check(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString(), "check"));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        return Processes.run(command, null, all);
    }

    private static Map<String, String> byKey(JsonArray array, String key, String value) {
        Map<String, String> map = new HashMap<>();
        for (JsonElement e : array) {
            map.put(e.getAsJsonObject().get(key).getAsString(), e.getAsJsonObject().get(value).getAsString());
        }
        return map;
    }

    private void assertTheRootsStory(Processes.Result r) {
        assertEquals(2, r.exitCode(), r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals("hold", json.get("verdict").getAsString());
        JsonObject system = json.getAsJsonObject("system");
        assertEquals("43", system.get("release").getAsString());
        assertEquals("workstation", system.get("variant").getAsString());
        assertEquals("x86_64", system.get("arch").getAsString());
        assertEquals(Map.of("FPS-2026-0042", "fix-available", "FPS-2026-0031", "fix-available",
                "FPS-2026-0045", "at-risk", "FPS-2026-0039", "at-risk", "FPS-2026-0044", "at-risk"),
                byKey(json.getAsJsonArray("incidents"), "id", "relation"), "the Fedora 42 incident is left out");
        Map<String, String> verdicts = byKey(json.getAsJsonArray("updates"), "name", "verdict");
        assertEquals("hold", verdicts.get("kernel-core"));
        assertEquals("hold", verdicts.get("grub2-efi-x64"));
        assertEquals("caution", verdicts.get("gnome-shell"));
        assertEquals("ok", verdicts.get("mesa-dri-drivers"));
        assertEquals("ok", verdicts.get("htop"));
        assertEquals(9, verdicts.size());
        JsonObject mesa = json.getAsJsonArray("incidents").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(i -> i.get("id").getAsString().equals("FPS-2026-0042")).findFirst().orElseThrow();
        assertEquals(2, mesa.getAsJsonObject("since").get("transaction").getAsLong(), "the upgrade to mesa 25.1.4");
        JsonObject feed = json.getAsJsonArray("feeds").get(0).getAsJsonObject();
        assertTrue(feed.get("error").isJsonNull(), feed.toString());
        assertTrue(!json.getAsJsonObject("metadata").get("time").isJsonNull(), "metadata age is said");
    }

    @Test
    void dnf4RootWithAFeedOverLoopback() {
        assertTheRootsStory(check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(),
                "--feed", server.url("/incidents.json")));
    }

    /** Each update's advisory as dnf's updateinfo list shows it, and what an obsoleting package replaces (#31, point 3). */
    @Test
    void theTextNamesEachUpdatesAdvisoryAndWhatItReplacesOnBothRoots() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), TestRoots.dnf5Environment())) {
            Path root = env.isEmpty() ? TestRoots.dnf4Root() : TestRoots.dnf5Root();
            Processes.Result r = check(env, "--root", root.toString(), "--feed", server.url("/incidents.json"));
            assertEquals(2, r.exitCode(), r.stderr());
            Function<String, String> line = name -> r.stdout().lines()
                    .filter(l -> l.matches("\\s+\\S+( \\S+)?\\s+" + Pattern.quote(name) + "\\s.*")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " in " + r.stdout()));
            assertTrue(line.apply("firefox").contains("146.0-1.fc43  FEDORA-2026-aa11bb22cc Important/Sec."), line.apply("firefox"));
            assertTrue(line.apply("mesa-libGL").contains("FEDORA-2026-5d1e2f3a4b bugfix"), line.apply("mesa-libGL"));
            assertTrue(!line.apply("mesa-libGL").contains("0e1d2c3b4a"), "the intermediate 25.1.5's advisory is not this update's");
            assertTrue(!line.apply("htop").contains("FEDORA-"), "htop's update has no advisory: " + line.apply("htop"));
            assertTrue(line.apply("pipewire-jack-audio-connection-kit").contains("replaces jack-audio-connection-kit"),
                    line.apply("pipewire-jack-audio-connection-kit"));
        }
    }

    @Test
    void dnf5RootWithAFeedOverLoopbackThenOffline() {
        assertTheRootsStory(check(TestRoots.dnf5Environment(), "--json", "--root", TestRoots.dnf5Root().toString(),
                "--feed", server.url("/incidents.json")));
        server.close();
        Processes.Result offline = check(TestRoots.dnf5Environment(), "--json", "--offline", "--root",
                TestRoots.dnf5Root().toString(), "--feed", server.url("/incidents.json"));
        assertTheRootsStory(offline);
    }

    @Test
    void theTextSaysTheVerdictFirstThenWhatToDo() {
        Processes.Result r = check(Map.of(), "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        assertEquals(2, r.exitCode(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("HOLD"), lines.get(0));
        assertEquals("What to do", lines.get(2));
        // The tests run in the C locale: the terminal gets ASCII stand-ins, never question marks.
        assertTrue(lines.get(3).startsWith("  * Hold kernel-core") || lines.get(3).startsWith("  * Hold grub2-efi-x64"), lines.get(3));
        assertTrue(!r.stdout().contains("?"), r.stdout());
        assertTrue(r.stdout().contains("mesa-dri-drivers 25.1.4-1.fc43 is installed, since dnf4 transaction 2"), r.stdout());
        assertTrue(r.stdout().contains("Update metadata: from"), r.stdout());
        assertTrue(r.stdout().contains("install them, leaving out every update named above: sudo dnf --installroot="
                + TestRoots.dnf4Root() + " upgrade --exclude=gnome-shell --exclude=grub2-efi-x64 --exclude=kernel-core"),
                "the rest never installs a held update, nor one to take care with (gnome-shell): " + r.stdout());
    }

    @Test
    void withoutAFeedOrOnAnotherSystemItCannotCheck() throws Exception {
        server.answerByQuery("/updates/", query -> Answer.status(404, Map.of()));
        server.answerByQuery("/rest/bug", query -> Answer.status(404, Map.of()));
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", Answer.status(404, Map.of()));
        Processes.Result noFeed = check(Map.of(), "--root", TestRoots.dnf4Root().toString());
        assertEquals(3, noFeed.exitCode());
        assertTrue(noFeed.stderr().contains("no incident feed is configured"), noFeed.stderr());
        // What was not checked is never "ok": not in the text, not in the JSON.
        List<String> updateLines = noFeed.stdout().lines().dropWhile(l -> !l.startsWith("Pending updates"))
                .skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertEquals(9, updateLines.size(), noFeed.stdout());
        assertTrue(updateLines.stream().allMatch(l -> l.startsWith("  Not checked ")), noFeed.stdout());
        JsonObject noFeedJson = JsonParser.parseString(check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString())
                .stdout()).getAsJsonObject();
        assertTrue(noFeedJson.get("verdict").isJsonNull());
        JsonArray unchecked = noFeedJson.getAsJsonArray("updates");
        assertEquals(9, unchecked.size());
        for (JsonElement u : unchecked) {
            assertTrue(u.getAsJsonObject().get("verdict").isJsonNull(), u.toString());
            assertTrue(u.getAsJsonObject().getAsJsonArray("evidence").toString().contains("not checked: no incident feed"),
                    u.toString());
        }

        Path debian = Files.createDirectories(home.resolve("debian/etc"));
        Files.writeString(debian.resolve("os-release"), "ID=debian\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        Processes.Result other = check(Map.of(), "--json", "--root", home.resolve("debian").toString(),
                "--feed", server.url("/incidents.json"));
        assertEquals(3, other.exitCode());
        assertTrue(other.stderr().contains("not Fedora"), other.stderr());
        assertTrue(JsonParser.parseString(other.stdout()).getAsJsonObject().get("verdict").isJsonNull());
    }

    @Test
    void theDemoNeedsNothingInstalled() {
        Processes.Result demo = check(Map.of(), "--demo", "--json");
        assertEquals(2, demo.exitCode(), demo.stderr());
        assertEquals("hold", JsonParser.parseString(demo.stdout()).getAsJsonObject().get("verdict").getAsString());
    }

    @Test
    void aFeedThatFailsKeepsTheLastGoodCopyAndSaysSo() {
        check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        server.answer("/incidents.json", Answer.status(500, Map.of()));
        Processes.Result r = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(),
                "--feed", server.url("/incidents.json"));
        assertEquals(2, r.exitCode(), r.stderr());
        JsonObject feed = JsonParser.parseString(r.stdout()).getAsJsonObject().getAsJsonArray("feeds").get(0).getAsJsonObject();
        assertEquals("HTTP 500", feed.get("error").getAsString());
        assertEquals("2026-11-25T08:00:00Z", feed.get("generated").getAsString());
    }

    /**
     * Fedora's signals in Bodhi's and Discourse's shapes from the loopback server: negative karma
     * makes an otherwise clean update caution, a Common Issues topic naming an installed package
     * is a loose match; with both servers failing the check still completes and says what is missing.
     */
    @Test
    void bodhiAndCommonIssuesJoinTheCheckUnderTheirOwnKeys() throws Exception {
        // Bodhi answers as Bodhi does: by alias for the updates whose advisory the updateinfo names
        // (firefox, mesa), by build for the others, which it does not have.
        Function<String, Answer> bodhiAnswers = query -> Answer.json((query.startsWith("alias=")
                ? "{\"updates\":[{\"alias\":\"FEDORA-2026-aa11bb22cc\",\"status\":\"testing\",\"karma\":-2,"
                + "\"date_testing\":\"2026-11-20 08:00:00\",\"builds\":[{\"nvr\":\"firefox-146.0-1.fc43\"}],"
                + "\"comments\":[{\"karma\":-1,\"text\":\"Crashes on start\",\"timestamp\":\"2026-11-21 09:00:00\","
                + "\"user\":{\"name\":\"tester\"}}],\"bugs\":[{\"bug_id\":2400002,\"title\":\"firefox crash\"}]},"
                + "{\"alias\":\"FEDORA-2026-5d1e2f3a4b\",\"status\":\"stable\",\"karma\":3,"
                + "\"builds\":[{\"nvr\":\"mesa-25.1.6-1.fc43\"}]}],\"page\":1,\"pages\":1}"
                : "{\"updates\":[],\"page\":1,\"pages\":1}").getBytes(StandardCharsets.UTF_8), null);
        server.answerByQuery("/updates/", bodhiAnswers);
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", FeedServer.Answer.json((
                "{\"topic_list\":{\"topics\":[{\"id\":9,\"title\":\"htop shows wrong CPU count\",\"slug\":\"htop\","
                + "\"created_at\":\"2026-11-22T10:00:00Z\",\"tags\":[\"f43\"]}]}}").getBytes(StandardCharsets.UTF_8), null));
        server.answer("/raw/9/1", Answer.text("htop counts each CPU twice on some machines."));
        Processes.Result r = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        JsonObject o = JsonParser.parseString(r.stdout()).getAsJsonObject();
        JsonObject firefox = null;
        for (JsonElement u : o.getAsJsonArray("updates")) {
            if (u.getAsJsonObject().get("name").getAsString().equals("firefox")) {
                firefox = u.getAsJsonObject();
            }
        }
        assertEquals("caution", firefox.get("verdict").getAsString(), "negative karma: caution, never hold");
        JsonObject bodhi = o.getAsJsonObject("bodhi");
        assertTrue(bodhi.get("checked").getAsBoolean());
        JsonObject ff = bodhi.getAsJsonArray("updates").get(0).getAsJsonObject();
        assertEquals("FEDORA-2026-aa11bb22cc", ff.get("alias").getAsString());
        assertEquals(-2, ff.get("karma").getAsInt());
        assertEquals("tester", ff.getAsJsonArray("negative_comments").get(0).getAsJsonObject().get("author").getAsString());
        assertEquals(2400002, ff.getAsJsonArray("bugs").get(0).getAsJsonObject().get("id").getAsInt());
        JsonObject topic = o.getAsJsonObject("common_issues").getAsJsonArray("topics").get(0).getAsJsonObject();
        assertEquals("htop shows wrong CPU count", topic.get("title").getAsString());
        assertEquals("[\"htop\"]", topic.getAsJsonArray("loosely_matches").toString());
        assertEquals(0, o.getAsJsonArray("signal_problems").size());
        // The updateinfo names the Bodhi update of firefox and mesa: asked by alias, never guessed by name.
        List<String> queries = server.requests().stream().filter(q -> q.path().equals("/updates/")).map(q -> q.query()).toList();
        assertEquals(3, queries.size(), "by alias, by build, by the source packages' likely names: " + queries);
        assertTrue(queries.get(0).startsWith("alias=") && queries.get(0).contains("FEDORA-2026-aa11bb22cc")
                && queries.get(0).contains("FEDORA-2026-5d1e2f3a4b"), queries.get(0));
        assertTrue(queries.stream().skip(1).noneMatch(q -> q.contains("firefox") || q.contains("mesa")), queries.toString());
        List<String> found = new ArrayList<>();
        bodhi.getAsJsonArray("updates").forEach(e -> found.add(e.getAsJsonObject().get("package").getAsString() + "="
                + e.getAsJsonObject().get("alias").getAsString()));
        assertTrue(found.contains("mesa-dri-drivers=FEDORA-2026-5d1e2f3a4b") && found.contains("mesa-libGL=FEDORA-2026-5d1e2f3a4b"),
                found.toString());
        Map<String, String> advisories = byKey(o.getAsJsonArray("updateinfo"), "package", "advisory");
        assertEquals(Map.of("firefox", "FEDORA-2026-aa11bb22cc", "mesa-dri-drivers", "FEDORA-2026-5d1e2f3a4b",
                "mesa-libGL", "FEDORA-2026-5d1e2f3a4b"), advisories);

        Processes.Result text = check(Map.of(), "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        assertTrue(text.stdout().contains("Bodhi feedback on pending updates"), text.stdout());
        assertTrue(text.stdout().contains("firefox - FEDORA-2026-aa11bb22cc: testing, karma -2"), text.stdout());
        assertTrue(text.stdout().contains("htop shows wrong CPU count  [loose match: names htop]"), text.stdout());

        server.answerByQuery("/updates/", query -> Answer.status(404, Map.of()));
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", FeedServer.Answer.status(404, Map.of()));
        Processes.Result down = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        JsonObject d = JsonParser.parseString(down.stdout()).getAsJsonObject();
        assertEquals("hold", d.get("verdict").getAsString(), "the incidents' verdict stands without the signals");
        assertEquals("[\"Bodhi: HTTP 404 (not found); using the answer kept from before\","
                + "\"Common Issues: HTTP 404 (not found); using the answer kept from before\"]", d.getAsJsonArray("signal_problems").toString());

        Files.writeString(home.resolve("config/preflight/settings.json"), "{\"bodhi\": false, \"common_issues\": false, \"bugzilla\": false}");
        long before = server.requests().size();
        Processes.Result off = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        JsonObject f = JsonParser.parseString(off.stdout()).getAsJsonObject();
        assertTrue(!f.getAsJsonObject("bodhi").get("checked").getAsBoolean());
        assertEquals(before + 1, server.requests().size(), "only the feed was asked for: " + server.requests());
    }

    private static Map<String, JsonObject> incidentsById(JsonObject json) {
        Map<String, JsonObject> map = new HashMap<>();
        json.getAsJsonArray("incidents").forEach(e -> map.put(e.getAsJsonObject().get("id").getAsString(), e.getAsJsonObject()));
        return map;
    }

    private static void assertDerivedStory(Processes.Result r) {
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals("hold", json.get("verdict").getAsString());
        Map<String, String> verdicts = byKey(json.getAsJsonArray("updates"), "name", "verdict");
        assertEquals("hold", verdicts.get("firefox"), "an open CommonBugs bug fixed only in a later build");
        assertEquals("caution", verdicts.get("gnome-shell"), "an open CommonBugs bug without a fix");
        assertEquals("caution", verdicts.get("kernel-core"), "the bug a Common Issues topic links");
        assertEquals("ok", verdicts.get("mesa-dri-drivers"), "the update that fixes bug 2400001");
        Map<String, JsonObject> incidents = incidentsById(json);
        assertEquals("fix-available", incidents.get("rhbz#2400001").get("relation").getAsString());
        assertEquals("derived", incidents.get("rhbz#2400001").get("confidence").getAsString());
        assertEquals("Bugzilla", incidents.get("rhbz#2400001").get("source").getAsString());
        assertTrue(incidents.get("rhbz#2400001").getAsJsonArray("derived_from").toString()
                .contains("FEDORA-2026-5d1e2f3a4b (pending) fixes bug 2400001"), incidents.get("rhbz#2400001").toString());
        assertEquals("reported", incidents.get("rhbz#2400010").get("relation").getAsString());
        assertTrue(incidents.get("rhbz#2400040").getAsJsonArray("derived_from").toString().contains("Common Issues: Laptop does not resume"),
                incidents.get("rhbz#2400040").toString());
        Map<String, String> sources = byKey(json.getAsJsonArray("sources"), "source", "state");
        assertEquals(Map.of("updateinfo", "answered", "Bodhi", "answered", "Bugzilla", "answered", "Common Issues", "answered"),
                sources);
        assertTrue(json.getAsJsonArray("feeds").isEmpty());
        for (JsonElement u : json.getAsJsonArray("updates")) {
            if (u.getAsJsonObject().get("name").getAsString().equals("firefox")) {
                assertTrue(u.getAsJsonObject().get("evidence").toString().contains("1 open bug(s) filed since its update was issued"),
                        u.toString());
            }
        }
    }

    @Test
    void withoutAFeedFedorasOwnSourcesGiveTheVerdict() {
        FedoraSources.serve(server);
        assertDerivedStory(check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString()));
        List<String> searches = server.requests().stream().filter(q -> q.path().equals("/rest/bug")).map(q -> q.query()).toList();
        assertEquals(3, searches.size(), "CommonBugs, the topic's bug, bugs filed since the advisories: " + searches);
        assertTrue(searches.stream().anyMatch(q -> q.contains("component=mesa-dri-drivers") && q.contains("component=firefox")
                && q.contains("creation_time=2026-11-2")), "the components of the updates that have an advisory: " + searches);
        assertDerivedStory(check(TestRoots.dnf5Environment(), "--json", "--root", TestRoots.dnf5Root().toString()));

        Processes.Result text = check(Map.of(), "--root", TestRoots.dnf4Root().toString());
        assertTrue(text.stdout().contains("derived by Preflight from Bugzilla, not from a curated feed"), text.stdout());
        assertTrue(text.stdout().contains("  Bugzilla: answered"), text.stdout());
    }

    @Test
    void whenOnlySomeSourcesAnswerTheVerdictRestsOnThoseAndSaysSo() {
        FedoraSources.serve(server);
        server.answerByQuery("/rest/bug", query -> Answer.status(404, Map.of()));
        Processes.Result r = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString());
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals("caution", json.get("verdict").getAsString());
        Map<String, String> sources = byKey(json.getAsJsonArray("sources"), "source", "state");
        assertEquals("failed", sources.get("Bugzilla"));
        assertEquals("answered", sources.get("Common Issues"));
        assertEquals("caution", byKey(json.getAsJsonArray("updates"), "name", "verdict").get("kernel-core"),
                "the topic names the kernel; its bug could not be read");
        assertTrue(incidentsById(json).containsKey("discourse#77"), json.getAsJsonArray("incidents").toString());
        assertTrue(r.stderr().contains("Bugzilla: HTTP 404"), r.stderr());

        // Nothing answers and nothing is kept: could not check, never a silent safe.
        server.answerByQuery("/updates/", query -> Answer.status(404, Map.of()));
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", Answer.status(404, Map.of()));
        Processes.Result none = check(Map.of("XDG_CACHE_HOME", home.resolve("fresh-cache").toString()), "--json", "--root",
                TestRoots.dnf4Root().toString());
        assertEquals(3, none.exitCode(), none.stdout() + none.stderr());
        assertTrue(JsonParser.parseString(none.stdout()).getAsJsonObject().get("verdict").isJsonNull());
        assertTrue(none.stderr().contains("no incident feed is configured and none of Fedora's sources answered"), none.stderr());
    }
}
