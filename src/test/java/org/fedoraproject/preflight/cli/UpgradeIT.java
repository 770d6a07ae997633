package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --upgrade} from the jar on the dnf4 root (Fedora 43), with Bodhi's releases,
 * Discourse's Common Issues and Bugzilla's CommonBugs for Fedora 44 and 45 served on loopback.
 */
class UpgradeIT {

    @TempDir
    Path home;

    private SignedFeed feed;
    private FeedServer server;

    static FeedServer.Answer json(String body) {
        return FeedServer.Answer.json(body.getBytes(StandardCharsets.UTF_8), null);
    }

    @BeforeEach
    void serve() throws Exception {
        feed = SignedFeed.serve(new byte[0], home);
        server = feed.server();
        server.answerByQuery("/releases/", q -> json("{\"releases\":["
                + "{\"name\":\"F43\",\"version\":\"43\",\"id_prefix\":\"FEDORA\",\"state\":\"current\",\"eol\":\"2026-12-02\"},"
                + "{\"name\":\"F43F\",\"version\":\"43\",\"id_prefix\":\"FEDORA-FLATPAK\",\"state\":\"current\",\"eol\":null},"
                + "{\"name\":\"F44\",\"version\":\"44\",\"id_prefix\":\"FEDORA\",\"state\":\"current\",\"eol\":\"2027-05-19\"},"
                + "{\"name\":\"EPEL-10\",\"version\":\"10\",\"id_prefix\":\"FEDORA-EPEL\",\"state\":\"current\",\"eol\":null},"
                + "{\"name\":\"F45\",\"version\":\"45\",\"id_prefix\":\"FEDORA\",\"state\":\"pending\",\"eol\":null}],"
                + "\"page\":1,\"pages\":1}"));
        server.answerByQuery("/rest/bug", q -> json(q.contains("version=44") && q.contains("v1=0")
                ? "{\"bugs\":[{\"id\":2500010,\"summary\":\"GNOME Shell crashes on login after the upgrade\","
                        + "\"component\":[\"gnome-shell\"],\"version\":[\"44\"],\"status\":\"ASSIGNED\",\"is_open\":true,"
                        + "\"keywords\":[\"CommonBugs\"],\"cf_fixed_in\":\"gnome-shell-50.1-2.fc44\",\"severity\":\"high\","
                        + "\"creation_time\":\"2026-11-30T10:00:00Z\"}]}"
                : "{\"bugs\":[]}"));
        server.answer("/tags/c/ask/common-issues/82/none/f44.json", json("{\"topic_list\":{\"topics\":[{\"id\":88,"
                + "\"title\":\"htop shows no CPU graphs after upgrading\",\"slug\":\"htop\",\"created_at\":\"2026-11-28T10:00:00Z\"}]}}"));
        server.answer("/raw/88/1", FeedServer.Answer.text("After the upgrade to 44, htop shows empty graphs."));
        server.answer("/tags/c/ask/common-issues/82/none/f45.json", json("{\"topic_list\":{\"topics\":[]}}"));
    }

    @AfterEach
    void stop() {
        feed.close();
    }

    private Processes.Result check(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString(), "check", "--root", root.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, null, new HashMap<>(feed.environment()));
    }

    @Test
    void toTheNewestStableReleaseAStrongCommonBugSaysWait() {
        Processes.Result r = check(TestRoots.dnf4Root(), "--upgrade", "--json");
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals("wait", json.get("verdict").getAsString());
        assertEquals("43", json.get("from").getAsString());
        assertEquals("44", json.get("to").getAsString(), "the newest stable release; 45 is still pending");
        Map<String, JsonObject> byId = new HashMap<>();
        json.getAsJsonArray("incidents").forEach(e -> byId.put(e.getAsJsonObject().get("id").getAsString(), e.getAsJsonObject()));
        assertEquals("[\"gnome-shell\"]", byId.get("rhbz#2500010").getAsJsonArray("packages").toString());
        assertTrue(byId.get("rhbz#2500010").get("holds").getAsBoolean());
        assertEquals("[\"htop\"]", byId.get("discourse#88").getAsJsonArray("packages").toString(),
                "a topic naming an installed package concerns the upgrade");
        assertTrue(server.requests().stream().anyMatch(q -> q.path().equals("/rest/bug") && q.query().contains("version=44")));

        Processes.Result text = check(TestRoots.dnf4Root(), "--upgrade");
        assertTrue(text.stdout().startsWith("WAIT - a serious known problem in Fedora 44 concerns packages installed here."),
                text.stdout() + text.stderr());
        assertTrue(text.stdout().contains("names, installed here: gnome-shell"), text.stdout());
    }

    /**
     * The upgrade root: the dnf5 root after dnf5's own {@code system-upgrade download
     * --releasever=44} in the sid chroot (build-roots.sh). Asked about 45, where nothing is known:
     * go ahead, and the upgrade to 44 that waits for a reboot is shown with the way to cancel it.
     */
    @Test
    void toAReleaseWithNothingKnownItGoesAheadAndAStagedUpgradeIsShownWithItsWayOut() throws Exception {
        Map<String, String> env = new HashMap<>(feed.environment());
        env.putAll(TestRoots.dnf5Environment());
        env.put("PREFLIGHT_COMMAND_ROOT", "/roots/upgrade5");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Processes.jar().toString(), "check", "--root", TestRoots.dir().resolve("sid/roots/upgrade5").toString(),
                "--upgrade", "45", "--json");
        Processes.Result r = Processes.run(command, null, env);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals("go-ahead", json.get("verdict").getAsString());
        JsonObject staged = json.getAsJsonArray("staged").get(0).getAsJsonObject();
        assertEquals("dnf5", staged.get("by").getAsString());
        assertEquals("44", staged.get("release").getAsString(), "dnf5's own offline-transaction-state.toml");
        assertEquals("download-complete", staged.get("status").getAsString());
        assertEquals("[\"sudo\",\"dnf5\",\"offline\",\"clean\"]", staged.getAsJsonArray("cancel_command").toString());
        assertEquals(3, check(TestRoots.dnf4Root(), "--upgrade", "forty").exitCode(), "a release is a number");

        // GNOME Software's way: PackageKit's prepared-upgrade, in its own format.
        Path root = home.resolve("root");
        Processes.run(List.of("cp", "-a", TestRoots.dnf4Root().toString(), root.toString()), null, Map.of());
        Files.createDirectories(root.resolve("var/lib/PackageKit"));
        Files.writeString(root.resolve("var/lib/PackageKit/prepared-upgrade"), "[update]\nname=Fedora Linux\nreleasever=44\n");
        JsonObject pk = JsonParser.parseString(check(root, "--upgrade", "45", "--json").stdout()).getAsJsonObject()
                .getAsJsonArray("staged").get(0).getAsJsonObject();
        assertEquals("PackageKit", pk.get("by").getAsString());
        assertEquals("44", pk.get("release").getAsString());
        assertEquals("[\"pkcon\",\"offline-cancel\"]", pk.getAsJsonArray("cancel_command").toString());
    }

    @Test
    void theCheckSaysWhenThisReleaseIsPastItsEndAndANewerOneIsOut() {
        Processes.Result r = check(TestRoots.dnf4Root(), "--json");
        JsonObject release = JsonParser.parseString(r.stdout()).getAsJsonObject().getAsJsonObject("release");
        assertEquals("43", release.get("version").getAsString());
        assertEquals("2026-12-02", release.get("support_end").getAsString(), "os-release's SUPPORT_END");
        assertEquals("44", release.get("newest_stable").getAsString());
        boolean past = LocalDate.now(ZoneOffset.UTC).isAfter(LocalDate.parse("2026-12-02"));
        assertEquals(past, release.get("past_end").getAsBoolean());
        Processes.Result text = check(TestRoots.dnf4Root());
        assertTrue(text.stdout().contains(past ? "Fedora 43 reached its end of life on Dec 2, 2026: it gets no more fixes"
                : "Fedora 43 gets fixes until Dec 2, 2026"), text.stdout());
    }
}
