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
    }

    @Test
    void withoutAFeedOrOnAnotherSystemItCannotCheck() throws Exception {
        Processes.Result noFeed = check(Map.of(), "--root", TestRoots.dnf4Root().toString());
        assertEquals(3, noFeed.exitCode());
        assertTrue(noFeed.stderr().contains("no incident feed is configured"), noFeed.stderr());

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
}
