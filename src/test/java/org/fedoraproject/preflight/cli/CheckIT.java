package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.FeedServer.Answer;
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
        try (var in = org.fedoraproject.preflight.feed.FeedParser.class.getResourceAsStream("sample-feed.json")) {
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
        assertTrue(r.stdout().contains("install them without the held ones: sudo dnf --installroot=" + TestRoots.dnf4Root()
                + " upgrade --exclude=grub2-efi-x64 --exclude=kernel-core"), "the rest never installs a held update: " + r.stdout());
    }

    @Test
    void withoutAFeedOrOnAnotherSystemItCannotCheck() throws Exception {
        Processes.Result noFeed = check(Map.of(), "--root", TestRoots.dnf4Root().toString());
        assertEquals(3, noFeed.exitCode());
        assertTrue(noFeed.stderr().contains("no incident feed is configured"), noFeed.stderr());
        // What was not checked is never "ok": not in the text, not in the JSON.
        List<String> updateLines = noFeed.stdout().lines().dropWhile(l -> !l.startsWith("Pending updates"))
                .skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertEquals(9, updateLines.size(), noFeed.stdout());
        assertTrue(updateLines.stream().allMatch(l -> l.startsWith("  not checked ")), noFeed.stdout());
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
        org.fedoraproject.preflight.testing.FeedServer.Answer[] bodhiRounds = {org.fedoraproject.preflight.testing.FeedServer.Answer.json((
                "{\"updates\":[{\"alias\":\"FEDORA-2026-ff\",\"status\":\"testing\",\"karma\":-2,"
                + "\"date_testing\":\"2026-11-20 08:00:00\",\"builds\":[{\"nvr\":\"firefox-146.0-1.fc43\"}],"
                + "\"comments\":[{\"karma\":-1,\"text\":\"Crashes on start\",\"timestamp\":\"2026-11-21 09:00:00\","
                + "\"user\":{\"name\":\"tester\"}}],\"bugs\":[{\"bug_id\":2400001,\"title\":\"firefox crash\"}]}],"
                + "\"page\":1,\"pages\":1}").getBytes(java.nio.charset.StandardCharsets.UTF_8), null),
                // The second round, by the names source packages may have: mesa's update for its subpackages.
                org.fedoraproject.preflight.testing.FeedServer.Answer.json(("{\"updates\":[{\"alias\":\"FEDORA-2026-mesa\","
                + "\"status\":\"stable\",\"karma\":3,\"builds\":[{\"nvr\":\"mesa-25.1.6-1.fc43\"}]}],\"pages\":1}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), null)};
        server.answer("/updates/", bodhiRounds);
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", org.fedoraproject.preflight.testing.FeedServer.Answer.json((
                "{\"topic_list\":{\"topics\":[{\"id\":9,\"title\":\"htop shows wrong CPU count\",\"slug\":\"htop\","
                + "\"created_at\":\"2026-11-22T10:00:00Z\",\"tags\":[\"f43\"]}]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        Processes.Result r = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(r.stdout()).getAsJsonObject();
        com.google.gson.JsonObject firefox = null;
        for (com.google.gson.JsonElement u : o.getAsJsonArray("updates")) {
            if (u.getAsJsonObject().get("name").getAsString().equals("firefox")) {
                firefox = u.getAsJsonObject();
            }
        }
        assertEquals("caution", firefox.get("verdict").getAsString(), "negative karma: caution, never hold");
        com.google.gson.JsonObject bodhi = o.getAsJsonObject("bodhi");
        assertTrue(bodhi.get("checked").getAsBoolean());
        com.google.gson.JsonObject ff = bodhi.getAsJsonArray("updates").get(0).getAsJsonObject();
        assertEquals("FEDORA-2026-ff", ff.get("alias").getAsString());
        assertEquals(-2, ff.get("karma").getAsInt());
        assertEquals("tester", ff.getAsJsonArray("negative_comments").get(0).getAsJsonObject().get("author").getAsString());
        assertEquals(2400001, ff.getAsJsonArray("bugs").get(0).getAsJsonObject().get("id").getAsInt());
        com.google.gson.JsonObject topic = o.getAsJsonObject("common_issues").getAsJsonArray("topics").get(0).getAsJsonObject();
        assertEquals("htop shows wrong CPU count", topic.get("title").getAsString());
        assertEquals("[\"htop\"]", topic.getAsJsonArray("loosely_matches").toString());
        assertEquals(0, o.getAsJsonArray("signal_problems").size());
        // 9 pending updates fit one Bodhi batch; a second asks for the unfound ones by their source packages' names.
        assertEquals(2, server.count("/updates/"));
        String second = server.requests().stream().filter(q -> q.path().equals("/updates/")).skip(1).findFirst().orElseThrow().query();
        assertTrue(second.contains("mesa-25.1.6-1.fc43") && second.contains("mesa-dri-25.1.6-1.fc43"), second);
        assertTrue(!second.contains("firefox"), "firefox was found in the first round: " + second);
        java.util.List<String> found = new java.util.ArrayList<>();
        bodhi.getAsJsonArray("updates").forEach(e -> found.add(e.getAsJsonObject().get("package").getAsString() + "="
                + e.getAsJsonObject().get("build").getAsString()));
        assertTrue(found.contains("mesa-dri-drivers=mesa-25.1.6-1.fc43") && found.contains("mesa-libGL=mesa-25.1.6-1.fc43"),
                found.toString());

        server.answer("/updates/", bodhiRounds);
        Processes.Result text = check(Map.of(), "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        assertTrue(text.stdout().contains("Bodhi feedback on pending updates"), text.stdout());
        assertTrue(text.stdout().contains("firefox - FEDORA-2026-ff: testing, karma -2") || text.stdout().contains("firefox \u2014 FEDORA-2026-ff: testing, karma -2"), text.stdout());
        assertTrue(text.stdout().contains("htop shows wrong CPU count  [loose match: names htop]"), text.stdout());

        server.answer("/updates/", org.fedoraproject.preflight.testing.FeedServer.Answer.status(404, Map.of()));
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", org.fedoraproject.preflight.testing.FeedServer.Answer.status(404, Map.of()));
        Processes.Result down = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        com.google.gson.JsonObject d = com.google.gson.JsonParser.parseString(down.stdout()).getAsJsonObject();
        assertEquals("hold", d.get("verdict").getAsString(), "the incidents' verdict stands without the signals");
        assertEquals("[\"Bodhi: HTTP 404 (not found); using the answer kept from before\","
                + "\"Common Issues: HTTP 404 (not found); using the answer kept from before\"]", d.getAsJsonArray("signal_problems").toString());

        java.nio.file.Files.writeString(home.resolve("config/preflight/settings.json"), "{\"bodhi\": false, \"common_issues\": false}");
        long before = server.requests().size();
        Processes.Result off = check(Map.of(), "--json", "--root", TestRoots.dnf4Root().toString(), "--feed", server.url("/incidents.json"));
        com.google.gson.JsonObject f = com.google.gson.JsonParser.parseString(off.stdout()).getAsJsonObject();
        assertTrue(!f.getAsJsonObject("bodhi").get("checked").getAsBoolean());
        assertEquals(before + 1, server.requests().size(), "only the feed was asked for: " + server.requests());
    }
}
