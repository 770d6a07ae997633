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
import java.util.Set;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.system.HoldsReader;
import org.fedoraproject.preflight.adapter.system.Target;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight guide} on copies of the real roots: the commands it prepares are run for real
 * (as root, by the test, never by Preflight), and the next guide sees each step done.
 * The sample feed is changed so that the mesa incident has no fix yet: the roots are then
 * affected, and the guide goes back to mesa 25.1.2 and holds it.
 */
class GuideIT {

    @TempDir
    Path home;

    private SignedFeed feed;
    private JsonObject feedRoot;
    private FeedServer server;
    private Map<String, String> env;
    private Path copy;

    @BeforeEach
    void serveFeed() throws Exception {
        if (!TestRoots.isRoot()) {
            Tools.missing("running the guide's commands on a root needs root");
        }
        JsonObject root;
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        for (JsonElement a : root.getAsJsonArray("incidents").get(0).getAsJsonObject().getAsJsonArray("affected")) {
            a.getAsJsonObject().addProperty("fixed", "25.1.8-1.fc43");
        }
        feedRoot = root;
        feed = SignedFeed.serve(root.toString().getBytes(StandardCharsets.UTF_8), home);
        server = feed.server();
        env = feed.environment();
    }

    @AfterEach
    void clean() {
        if (feed != null) {
            feed.close();
        }
        if (copy != null) {
            Processes.run(List.of("rm", "-rf", copy.toString()), null, Map.of());
        }
    }

    private JsonObject guide(Path root, Map<String, String> extraEnv, String id) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString(), "guide", id, "--json", "--root", root.toString(),
                "--feed", server.url("/incidents.json")));
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        Processes.Result r = Processes.run(command, null, all);
        assertEquals(0, r.exitCode(), r.stderr());
        return JsonParser.parseString(r.stdout()).getAsJsonObject();
    }

    /** Runs a step's first command as the user would after reading it (without sudo: the test is root). */
    private static void run(JsonObject step, List<String> prefix) {
        JsonArray argv = step.getAsJsonArray("commands").get(0).getAsJsonObject().getAsJsonArray("argv");
        List<String> command = new ArrayList<>(prefix);
        for (JsonElement a : argv) {
            command.add(a.getAsString());
        }
        assertEquals("sudo", command.remove(prefix.size()));
        command.add(prefix.size() + 1, "-y");
        Processes.Result r = Processes.run(command, null, Map.of());
        assertEquals(0, r.exitCode(), command + "\n" + r.stdout() + r.stderr());
    }

    private static JsonObject step(JsonObject guide, int k) {
        return guide.getAsJsonArray("steps").get(k).getAsJsonObject();
    }

    @Test
    void onDnf5TheDowngradeAndTheHoldAreSeenDone() {
        Path sid = TestRoots.dir().resolve("sid");
        copy = sid.resolve("roots/guide-test");
        Processes.Result cp = Processes.run(List.of("cp", "-a", TestRoots.dnf5Root().toString(), copy.toString()), null, Map.of());
        assertEquals(0, cp.exitCode(), cp.stderr());
        Map<String, String> chroot = Map.of("PREFLIGHT_COMMAND_PREFIX", "chroot " + sid, "PREFLIGHT_COMMAND_ROOT", "/roots/guide-test");

        JsonObject before = guide(copy, chroot, "FPS-2026-0042");
        assertEquals("affected", before.get("relation").getAsString());
        JsonObject downgrade = step(before, 0);
        assertEquals("sudo dnf5 --installroot=/roots/guide-test downgrade mesa-dri-drivers-25.1.2-1.fc43.x86_64 mesa-libGL-25.1.2-1.fc43.x86_64",
                downgrade.getAsJsonArray("commands").get(0).getAsJsonObject().get("display").getAsString());
        assertEquals(false, downgrade.get("done").getAsBoolean());
        assertEquals("sudo dnf5 --installroot=/roots/guide-test history undo 2",
                downgrade.getAsJsonArray("commands").get(1).getAsJsonObject().get("display").getAsString(),
                "transaction 2 brought only the two mesa packages: undoing it is the same");
        assertEquals(0, before.getAsJsonArray("notes").size(), "25.1.2 is in the fedora repo: no detour needed");

        run(downgrade, List.of("chroot", sid.toString()));
        // Back on 25.1.2 the system is no longer affected; the pending 25.1.6 is still in the range,
        // so the guide now says: hold.
        JsonObject afterDowngrade = guide(copy, chroot, "FPS-2026-0042");
        assertEquals("at-risk", afterDowngrade.get("relation").getAsString());
        JsonObject hold = step(afterDowngrade, 0);
        assertTrue(hold.get("title").getAsString().startsWith("Hold mesa-dri-drivers"));
        assertEquals(false, hold.get("done").getAsBoolean());

        run(hold, List.of("chroot", sid.toString()));
        // Held, dnf5 no longer offers 25.1.6: the incident stops concerning the system.
        assertEquals(Set.of("mesa-dri-drivers", "mesa-libGL"),
                new HoldsReader(Target.of(copy))
                        .read(PackageManager.DNF5).get().orElseThrow().heldNames());
        List<String> again = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString(), "guide", "FPS-2026-0042", "--root", copy.toString(),
                "--feed", server.url("/incidents.json")));
        Map<String, String> all = new HashMap<>(env);
        all.putAll(chroot);
        Processes.Result afterHold = Processes.run(again, null, all);
        assertEquals(1, afterHold.exitCode(), afterHold.stdout() + afterHold.stderr());
        assertTrue(afterHold.stderr().contains("does not concern this system"), afterHold.stderr());

        // The incident is resolved: check says the hold can go, with the command; run it; the hold is gone.
        feedRoot.addProperty("generated", "2026-11-26T08:00:00Z");
        JsonObject mesa = feedRoot.getAsJsonArray("incidents").get(0).getAsJsonObject();
        mesa.addProperty("status", "resolved");
        mesa.addProperty("resolved", "2026-11-26T07:00:00Z");
        try {
            feed.publish(feedRoot.toString().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        List<String> check = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Processes.jar().toString(), "check", "--json", "--root", copy.toString(), "--feed", server.url("/incidents.json"));
        JsonObject report = JsonParser.parseString(Processes.run(check, null, all).stdout()).getAsJsonObject();
        Map<String, String> releases = new HashMap<>();
        for (JsonElement h : report.getAsJsonArray("holds")) {
            releases.put(h.getAsJsonObject().get("name").getAsString(), h.getAsJsonObject().get("release").getAsString());
        }
        assertEquals("sudo dnf5 --installroot=/roots/guide-test versionlock delete mesa-dri-drivers", releases.get("mesa-dri-drivers"));
        for (String release : releases.values()) {
            List<String> argv = new ArrayList<>(List.of("chroot", sid.toString()));
            argv.addAll(List.of(release.split(" ")).subList(1, release.split(" ").length));
            Processes.Result r = Processes.run(argv, null, Map.of());
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        }
        JsonObject released = JsonParser.parseString(Processes.run(check, null, all).stdout()).getAsJsonObject();
        assertEquals(0, released.getAsJsonArray("holds").size(), released.toString());
    }

    /**
     * dnf4 run by hand on a root: Debian's dnf-plugins-core brings a "local" plugin that wants a
     * repo of its own (disabled), and dnf4 reads plugin configuration from the host even under
     * --installroot, so the root's own versionlock configuration is named (on a real system
     * both are simply /etc).
     */
    private static List<String> dnf4(Path root, JsonArray argv) {
        List<String> command = new ArrayList<>();
        argv.forEach(a -> command.add(a.getAsString()));
        assertEquals("sudo", command.remove(0));
        command.addAll(1, List.of("-y", "--disableplugin=local", "--setopt=pluginconfpath=" + root.resolve("etc/dnf/plugins")));
        return command;
    }

    private static void runDnf4(Path root, JsonArray argv) {
        List<String> command = dnf4(root, argv);
        Processes.Result r = Processes.run(command, null, Map.of());
        assertEquals(0, r.exitCode(), command + "\n" + r.stdout() + r.stderr());
    }

    @Test
    void onDnf4TheDowngradeTheHoldAndItsReleaseAreSeen() throws Exception {
        Tools.require("dnf");
        if (!Files.isRegularFile(Path.of("/usr/lib/python3/dist-packages/dnf-plugins/versionlock.py"))) {
            Tools.missing("dnf4's versionlock plugin (Debian package dnf-plugins-core)");
        }
        copy = Files.createTempDirectory(Path.of("/var/tmp"), "preflight-guide-dnf4");
        Processes.Result cp = Processes.run(List.of("cp", "-a", TestRoots.dnf4Root() + "/.", copy.toString()), null, Map.of());
        assertEquals(0, cp.exitCode(), cp.stderr());
        Path plugins = Files.createDirectories(copy.resolve("etc/dnf/plugins"));
        Files.writeString(plugins.resolve("versionlock.conf"),
                "[main]\nenabled = 1\nlocklist = " + plugins.resolve("versionlock.list") + "\n");
        Files.writeString(plugins.resolve("versionlock.list"), "");

        JsonObject before = guide(copy, Map.of(), "FPS-2026-0042");
        assertEquals("affected", before.get("relation").getAsString());
        runDnf4(copy, step(before, 0).getAsJsonArray("commands").get(0).getAsJsonObject().getAsJsonArray("argv"));

        JsonObject afterDowngrade = guide(copy, Map.of(), "FPS-2026-0042");
        assertEquals("at-risk", afterDowngrade.get("relation").getAsString(), "back on 25.1.2: no longer affected");
        JsonObject hold = step(afterDowngrade, 0);
        assertEquals("sudo dnf --installroot=" + copy + " versionlock add mesa-dri-drivers mesa-libGL",
                hold.getAsJsonArray("commands").get(0).getAsJsonObject().get("display").getAsString());
        runDnf4(copy, hold.getAsJsonArray("commands").get(0).getAsJsonObject().getAsJsonArray("argv"));
        assertEquals(Set.of("mesa-dri-drivers", "mesa-libGL"),
                new HoldsReader(Target.of(copy))
                        .read(PackageManager.DNF4).get().orElseThrow().heldNames());

        feedRoot.addProperty("generated", "2026-11-26T08:00:00Z");
        JsonObject mesa = feedRoot.getAsJsonArray("incidents").get(0).getAsJsonObject();
        mesa.addProperty("status", "resolved");
        mesa.addProperty("resolved", "2026-11-26T07:00:00Z");
        feed.publish(feedRoot.toString().getBytes(StandardCharsets.UTF_8));
        List<String> check = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Processes.jar().toString(), "check", "--json", "--root", copy.toString(), "--feed", server.url("/incidents.json"));
        JsonObject report = JsonParser.parseString(Processes.run(check, null, env).stdout()).getAsJsonObject();
        assertEquals(2, report.getAsJsonArray("holds").size(), report.toString());
        for (JsonElement h : report.getAsJsonArray("holds")) {
            String release = h.getAsJsonObject().get("release").getAsString();
            JsonArray argv = new JsonArray();
            List.of(release.split(" ")).forEach(argv::add);
            runDnf4(copy, argv);
        }
        JsonObject released = JsonParser.parseString(Processes.run(check, null, env).stdout()).getAsJsonObject();
        assertEquals(0, released.getAsJsonArray("holds").size(), released.toString());
    }

    @Test
    void anIncidentThatDoesNotConcernTheSystemSaysSo() {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Processes.jar().toString(), "guide", "FPS-2026-0020", "--root", TestRoots.dnf4Root().toString(),
                "--feed", server.url("/incidents.json"));
        Processes.Result r = Processes.run(command, null, env);
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("does not concern this system"), r.stderr());
    }

    @Test
    void withoutAnRpmDatabaseItCannotTellAndSaysWhyNeverNothingToDo() throws Exception {
        // A root with an os-release but no rpm database: the packages cannot be read.
        Path root = Files.createDirectories(home.resolve("no-rpmdb/etc"));
        Files.copy(TestRoots.dnf4Root().resolve("usr/lib/os-release"), root.resolve("os-release"));
        Files.createDirectories(home.resolve("no-rpmdb/usr/bin"));
        Files.writeString(home.resolve("no-rpmdb/usr/bin/dnf-3"), "");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Processes.jar().toString(), "guide", "FPS-2026-0042", "--root", home.resolve("no-rpmdb").toString(),
                "--feed", server.url("/incidents.json"));
        Processes.Result r = Processes.run(command, null, env);
        assertEquals(3, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("cannot tell whether FPS-2026-0042 concerns this system"), r.stderr());
        assertTrue(r.stderr().contains("no rpm database"), r.stderr());
        assertTrue(!r.stderr().contains("nothing to do") && !r.stdout().contains("nothing to do"), r.stdout() + r.stderr());
        assertTrue(!Files.exists(home.resolve("no-rpmdb/usr/lib/sysimage/rpm")) && !Files.exists(home.resolve("no-rpmdb/var/lib/rpm")),
                "no rpm database was made in the root");
    }

    @Test
    void withoutAnIdTheGuideListsTheIncidentsHereAndIdsMatchInAnyCase() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Processes.Result list = Processes.run(List.of(java, "-jar", Processes.jar().toString(), "guide", "--root",
                TestRoots.dnf4Root().toString(), "--feed", feed.url()), null, feed.environment());
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(list.stdout().startsWith("The incidents that concern this system:"), list.stdout());
        assertTrue(list.stdout().contains("FPS-2026-0045  At risk, Critical"), list.stdout());
        assertTrue(list.stdout().contains("The steps out of one, for this system: preflight guide "), list.stdout());
        Processes.Result lower = Processes.run(List.of(java, "-jar", Processes.jar().toString(), "guide", "fps-2026-0042", "--json",
                "--root", TestRoots.dnf4Root().toString(), "--feed", feed.url()), null, feed.environment());
        assertEquals(0, lower.exitCode(), lower.stderr());
        assertEquals("FPS-2026-0042", JsonParser.parseString(lower.stdout()).getAsJsonObject().get("incident").getAsString());
    }
}
