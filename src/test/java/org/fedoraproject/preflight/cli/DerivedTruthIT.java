package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.testing.FedoraSources;
import org.fedoraproject.preflight.testing.FeedServer.Answer;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Preflight derives from Fedora's sources, with no curated feed, says what they say and no
 * more (issue #27): on the edge roots (real installonly kernels 6.17.5/.6/.7, multilib mesa-libGL,
 * dnf4 on the host and dnf5 in the sid chroot), with Bugzilla and Discourse answering on loopback
 * in their real shapes, through the jar.
 */
class DerivedTruthIT {

    @TempDir
    Path home;

    private SignedFeed feed;
    private FeedServer server;

    @BeforeEach
    void serve() throws Exception {
        feed = SignedFeed.serve("{}".getBytes(StandardCharsets.UTF_8), home); // no curated feed is asked for
        server = feed.server();
    }

    @AfterEach
    void stop() {
        feed.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String bug(long id, String component, String status, String fixedIn, boolean common) {
        return "{\"id\":" + id + ",\"summary\":\"" + component + " bug " + id + "\",\"component\":[\"" + component + "\"],"
                + "\"version\":[\"43\"],\"status\":\"" + status + "\",\"resolution\":\"\",\"is_open\":true,"
                + "\"keywords\":[" + (common ? "\"CommonBugs\"" : "") + "],\"cf_fixed_in\":\"" + fixedIn + "\",\"severity\":\"high\","
                + "\"creation_time\":\"2026-11-25T10:00:00Z\"}";
    }

    /** Bugzilla answers the CommonBugs search with {@code common} and a search by id with {@code linked}. */
    void bugzilla(String common, String linked) {
        server.answerByQuery("/rest/bug", query -> {
            String bugs = query.contains("keywords=CommonBugs") ? (query.contains("v1=0") ? common : "")
                    : query.startsWith("id=") ? linked : "";
            return Answer.json(utf8("{\"faults\":[],\"bugs\":[" + bugs + "]}"), null);
        });
    }

    /** One open Common Issues topic of Fedora 43 with this first post. */
    void topic(long id, String title, String firstPost) {
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", Answer.json(utf8(
                "{\"topic_list\":{\"topics\":[{\"id\":" + id + ",\"title\":\"" + title + "\",\"slug\":\"t\","
                        + "\"created_at\":\"2026-11-23T10:00:00Z\",\"tags\":[\"f43\"]}]}}"), null));
        server.answer("/raw/" + id + "/1", Answer.text(firstPost));
    }

    private Processes.Result preflight(EdgeRootsIT.Root root, String... args) {
        return preflight(feed, root, args);
    }

    /** The jar on a root, with the loopback sources and the test user's directories of {@code feed}. */
    static Processes.Result preflight(SignedFeed feed, EdgeRootsIT.Root root, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--root", root.path().toString()));
        Map<String, String> env = new HashMap<>(feed.environment());
        env.putAll(root.env());
        return Processes.run(command, null, env);
    }

    private JsonObject json(EdgeRootsIT.Root root, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        Processes.Result r = preflight(root, all.toArray(String[]::new));
        assertTrue(r.exitCode() <= 2, r.stdout() + r.stderr());
        return JsonParser.parseString(r.stdout()).getAsJsonObject();
    }

    static JsonObject byKey(JsonArray array, String key, String value) {
        for (JsonElement e : array) {
            if (e.getAsJsonObject().get(key).getAsString().equals(value)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    static List<List<String>> commands(JsonObject guide) {
        List<List<String>> all = new ArrayList<>();
        for (JsonElement s : guide.getAsJsonArray("steps")) {
            for (JsonElement c : s.getAsJsonObject().getAsJsonArray("commands")) {
                List<String> argv = new ArrayList<>();
                c.getAsJsonObject().getAsJsonArray("argv").forEach(a -> argv.add(a.getAsString()));
                all.add(argv);
            }
        }
        return all;
    }

    /** Every dnf command that changes packages names at least one: a bare verb is never printed. */
    static void assertEveryCommandNamesItsPackage(List<List<String>> commands) {
        for (List<String> argv : commands) {
            int verb = -1;
            for (int k = 0; k < argv.size(); k++) {
                if (List.of("install", "remove", "downgrade", "add", "delete", "exclude").contains(argv.get(k))) {
                    verb = k;
                    break;
                }
            }
            if (verb >= 0) {
                boolean named = argv.subList(verb + 1, argv.size()).stream().anyMatch(a -> !a.startsWith("-"));
                assertTrue(named, "a command without its package: " + argv);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void anOpenKernelBugLinkedFromCommonIssuesWithNoRangeIsACautionAndItsGuideTouchesNoKernel(String manager) {
        EdgeRootsIT.Root root = EdgeRootsIT.root(manager);
        bugzilla(bug(2400070, "plasma-workspace", "NEW", "", true), bug(2400040, "kernel-core", "NEW", "", false));
        topic(77, "Laptop does not resume after the kernel update", "Some laptops stay black after resume with kernel 6.17.\n\n"
                + "Bug: https://bugzilla.redhat.com/show_bug.cgi?id=2400040\n\n## Workaround\n"
                + "* Boot the previous kernel from the GRUB menu.\n");

        JsonObject check = json(root, "check");
        JsonObject kernel = byKey(check.getAsJsonArray("incidents"), "id", "rhbz#2400040");
        assertEquals("reported", kernel.get("relation").getAsString(), kernel.toString());
        assertTrue(kernel.get("since").isJsonNull(), "no transaction is said to have brought it: " + kernel);
        JsonObject plasma = byKey(check.getAsJsonArray("incidents"), "id", "rhbz#2400070");
        assertEquals("reported", plasma.get("relation").getAsString(), "an open CommonBugs bug with no range: " + plasma);
        for (JsonElement i : check.getAsJsonArray("incidents")) {
            assertFalse(i.getAsJsonObject().get("relation").getAsString().equals("affected"), "nothing is called affected: " + i);
        }
        assertEquals("caution", check.get("verdict").getAsString(), check.toString());

        Processes.Result text = preflight(root, "check");
        assertFalse(text.stdout().contains("affected by rhbz"), text.stdout());
        assertTrue(text.stdout().contains("A problem is reported for [plasma-workspace]")
                || text.stdout().contains("A problem is reported for plasma-workspace"), text.stdout());

        JsonObject guide = json(root, "guide", "rhbz#2400040");
        List<List<String>> commands = commands(guide);
        String all = commands.toString();
        for (String harmful : List.of("remove", "grubby", "grub2-editenv", "downgrade", "versionlock", "install")) {
            assertFalse(commands.stream().anyMatch(c -> c.contains(harmful)), harmful + " in " + all);
        }
        assertEveryCommandNamesItsPackage(commands);
        assertTrue(guide.toString().contains("Nobody has said which versions of"), guide.toString());

        // Words: a derived incident's workaround is the Common Issues topic's, never "the feed's".
        Processes.Result guideText = preflight(root, "guide", "rhbz#2400040");
        assertTrue(guideText.stdout().contains("From the Common Issues topic"), guideText.stdout());
        assertFalse(guideText.stdout().toLowerCase(Locale.ROOT).contains("feed"), guideText.stdout());
        String todo = text.stdout().substring(0, text.stdout().indexOf("Pending updates") > 0 ? text.stdout().indexOf("Pending updates")
                : text.stdout().length());
        assertFalse(todo.contains("The feed gives a workaround"), todo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void everyAdvisorysSeverityIsRead(String manager) {
        // dnf4 prints a bugfix advisory's severity only in its info block; dnf5 in its JSON.
        JsonObject check = json(mainRoot(manager), "check");
        JsonObject mesa = byKey(check.getAsJsonArray("updateinfo"), "package", "mesa-dri-drivers");
        assertEquals("Moderate", mesa.get("severity").getAsString(), mesa.toString());
        assertEquals("bugfix", mesa.get("type").getAsString());
    }

    /** The dnf4 root (host dnf) or the dnf5 root (dnf5 in the sid chroot), as the jar reads them. */
    static EdgeRootsIT.Root mainRoot(String manager) {
        return manager.equals("dnf4")
                ? new EdgeRootsIT.Root("dnf4", TestRoots.dnf4Root(), TestRoots.dnf4Root().toString(), List.of())
                : new EdgeRootsIT.Root("dnf5", TestRoots.dnf5Root(), "/roots/dnf5", TestRoots.chrootPrefix());
    }

    static String update(String verdictName, JsonObject check) {
        return byKey(check.getAsJsonArray("updates"), "name", verdictName).get("verdict").getAsString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void anEpochBumpThatRevertsABadVersionIsTheFixAndEverydayWordsNameNoPackage(String manager) {
        EdgeRootsIT.Root root = EdgeRootsIT.root(manager);
        // xz's way: 5.6.1 is bad, the fix goes back to 5.4.6 with epoch 1; Bugzilla's Fixed In has no epoch.
        bugzilla(bug(2400080, "xz", "MODIFIED", "xz-5.4.6-2.fc43", true), "");
        topic(78, "Black screen after the kernel update on some laptops", "If your screen stays black, please file a bug and check"
                + " which kernel you run: less than one percent of systems are hit, most of the time on hybrid graphics.");
        JsonObject check = json(root, "check");
        JsonObject xz = byKey(check.getAsJsonArray("incidents"), "id", "rhbz#2400080");
        assertEquals("fix-available", xz.get("relation").getAsString(), "1:5.4.6-2.fc43 (pending) is the fix: " + xz);
        assertEquals("ok", update("xz-libs", check));
        for (String word : List.of("file", "less", "which")) {
            assertEquals("ok", update(word, check), word + " is named by no one: " + check.getAsJsonArray("updates"));
        }
        assertFalse(check.getAsJsonArray("incidents").toString().contains("discourse#78"), "the topic names no pending package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void karmaAsBodhiCountsItAndBugsFiledWhileTheUpdateWasInTesting(String manager) {
        EdgeRootsIT.Root root = mainRoot(manager);
        // firefox: two -1s on a build since replaced, then +1: Bodhi's karma is +2. mesa: submitted on
        // 2026-11-15, stable (updateinfo's date) on 2026-11-21; a bug filed on the 18th, while in testing.
        server.answerByQuery("/updates/", query -> Answer.json(utf8("{\"updates\":["
                + "{\"alias\":\"FEDORA-2026-aa11bb22cc\",\"status\":\"stable\",\"karma\":2,"
                + "\"builds\":[{\"nvr\":\"firefox-146.0-1.fc43\",\"epoch\":0}],\"date_submitted\":\"2026-11-19 08:00:00\","
                + "\"comments\":[{\"karma\":-1,\"text\":\"crashes\",\"user\":{\"name\":\"alice\"}},"
                + "{\"karma\":-1,\"text\":\"same\",\"user\":{\"name\":\"bob\"}},"
                + "{\"karma\":0,\"text\":\"New build(s): firefox-146.0-1.fc43. Karma has been reset.\",\"user\":{\"name\":\"bodhi\"}},"
                + "{\"karma\":1,\"text\":\"fixed\",\"user\":{\"name\":\"alice\"}},"
                + "{\"karma\":1,\"text\":\"works\",\"user\":{\"name\":\"carol\"}}]},"
                + "{\"alias\":\"FEDORA-2026-5d1e2f3a4b\",\"status\":\"stable\",\"karma\":1,\"date_submitted\":\"2026-11-15 09:00:00\","
                + "\"builds\":[{\"nvr\":\"mesa-dri-drivers-25.1.6-1.fc43\",\"epoch\":0}],\"comments\":[]}],"
                + "\"page\":1,\"pages\":1}"), null));
        String filed = "{\"id\":2400090,\"summary\":\"GPU hang on resume\",\"component\":[\"mesa-dri-drivers\"],"
                + "\"version\":[\"43\"],\"status\":\"NEW\",\"resolution\":\"\",\"is_open\":true,\"keywords\":[],"
                + "\"cf_fixed_in\":\"\",\"severity\":\"high\",\"creation_time\":\"2026-11-18T10:00:00Z\"}";
        server.answerByQuery("/rest/bug", query -> Answer.json(utf8("{\"faults\":[],\"bugs\":["
                + (query.contains("&creation_time=") ? filed : "") + "]}"), null));
        JsonObject check = json(root, "check");
        JsonObject firefox = byKey(check.getAsJsonArray("updates"), "name", "firefox");
        assertFalse(firefox.get("evidence").toString().contains("negative"), "no vote since the reset is negative: " + firefox);
        JsonObject mesa = byKey(check.getAsJsonArray("updates"), "name", "mesa-dri-drivers");
        assertEquals("caution", mesa.get("verdict").getAsString(), mesa.toString());
        assertTrue(mesa.get("evidence").toString().contains("bug 2400090"), mesa.toString());
        List<String> searches = server.requests().stream().filter(q -> q.path().equals("/rest/bug") && q.query().contains("&creation_time="))
                .map(FeedServer.Request::query).toList();
        assertTrue(searches.stream().allMatch(q -> q.contains("creation_time=2026-11-15")), "from the submission: " + searches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void aPartialCheckNeverReadsAsAFullOne(String manager) {
        EdgeRootsIT.Root root = mainRoot(manager);
        // Bodhi and Common Issues answer with nothing against the updates; Bugzilla is down.
        server.answerByQuery("/rest/bug", query -> Answer.status(503, Map.of()));
        Processes.Result text = preflight(root, "check");
        assertEquals(1, text.exitCode(), "a safe verdict without Bugzilla is a caution for scripts: " + text.stdout() + text.stderr());
        String first = text.stdout().lines().findFirst().orElse("");
        assertTrue(first.startsWith("NOT FULLY CHECKED") && first.contains("as far as Bodhi, Common Issues tell"), first);
        assertTrue(text.stdout().contains("Not checked: Bugzilla could not be read, so known bugs were not checked."), text.stdout());
        assertFalse(text.stdout().contains("SAFE"), text.stdout());

        Processes.Result r = preflight(root, "check", "--json");
        assertEquals(1, r.exitCode(), r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals("safe", json.get("verdict").getAsString(), "the verdict as far as the others tell");
        assertFalse(json.get("complete").getAsBoolean());
        assertEquals("Bugzilla", json.getAsJsonArray("not_checked").get(0).getAsJsonObject().get("source").getAsString());

        server.answerByQuery("/rest/bug", query -> Answer.json(utf8("{\"faults\":[],\"bugs\":[]}"), null));
        JsonObject full = json(root, "check");
        assertTrue(full.get("complete").getAsBoolean(), full.toString());
        assertEquals(0, full.getAsJsonArray("not_checked").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void anUpdateThatStaysInsideTheRangeTheSystemIsInIsACautionNotAHold(String manager) throws Exception {
        EdgeRootsIT.Root root = EdgeRootsIT.root(manager);
        // mesa-libGL.x86_64 and .i686 are both at 25.1.4; the incident is scoped to i686, no fix yet;
        // the repositories offer mesa-libGL.i686 25.1.6, still in the range.
        feed.publish(utf8("{\"format\":\"preflight-incidents/1\",\"publisher\":\"test\",\"generated\":\"2026-11-21T00:00:00Z\","
                + "\"expires\":\"2027-12-01T00:00:00Z\",\"incidents\":[{\"id\":\"I686-MESA\",\"title\":\"32-bit games crash\","
                + "\"summary\":\"\",\"status\":\"identified\",\"severity\":\"major\",\"published\":\"2026-11-20T10:00:00Z\","
                + "\"modified\":\"2026-11-20T10:00:00Z\",\"resolved\":null,\"releases\":[\"43\"],\"arches\":[\"i686\"],"
                + "\"affected\":[{\"name\":\"mesa-libGL\",\"introduced\":\"25.1.4-1.fc43\",\"last_good\":\"25.1.2-1.fc43\"}]}]}"));
        JsonObject check = json(root, "check", "--feed", feed.url());
        JsonObject i686 = null;
        for (JsonElement u : check.getAsJsonArray("updates")) {
            JsonObject o = u.getAsJsonObject();
            if (o.get("name").getAsString().equals("mesa-libGL") && o.get("arch").getAsString().equals("i686")) {
                i686 = o;
            }
        }
        assertEquals("caution", i686.get("verdict").getAsString(), "holding protects from nothing: " + i686);
        assertTrue(i686.get("evidence").toString().contains("this system stays affected after this update"), i686.toString());
        assertEquals("caution", check.get("verdict").getAsString(), check.toString());
        assertEquals("affected", byKey(check.getAsJsonArray("incidents"), "id", "I686-MESA").get("relation").getAsString());
    }

    /** Bodhi answers for firefox's advisory with this karma and these testers' -1s (since no reset). */
    void firefoxKarma(int karma, int negative) {
        StringBuilder comments = new StringBuilder();
        for (int k = 0; k < negative; k++) {
            comments.append(k == 0 ? "" : ",").append("{\"karma\":-1,\"text\":\"No sound after the update\",\"user\":{\"name\":\"t")
                    .append(k).append("\"}}");
        }
        server.answerByQuery("/updates/", query -> Answer.json(utf8("{\"updates\":[{\"alias\":\"FEDORA-2026-aa11bb22cc\","
                + "\"status\":\"stable\",\"karma\":" + karma + ",\"builds\":[{\"nvr\":\"firefox-146.0-1.fc43\",\"epoch\":0}],"
                + "\"comments\":[" + comments + "]}],\"page\":1,\"pages\":1}"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void theAdviceAndItsCommandAgree(String manager) throws Exception {
        EdgeRootsIT.Root root = mainRoot(manager);
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            feed.publish(in.readAllBytes()); // holds kernel-core and grub2-efi-x64
        }
        firefoxKarma(-2, 2);
        Processes.Result text = preflight(root, "check", "--feed", feed.url());
        assertEquals(2, text.exitCode(), text.stdout() + text.stderr());
        assertTrue(text.stdout().contains("Take care with firefox 146.0-1.fc43: firefox 146.0-1.fc43: negative feedback in Bodhi"),
                "a caution from Bodhi is named with its reason: " + text.stdout());
        assertTrue(text.stdout().contains("t0: \"No sound after the update\""), text.stdout());
        String rest = text.stdout().lines().filter(l -> l.contains("leaving out every update named above")).findFirst().orElseThrow();
        for (String left : List.of("--exclude=firefox", "--exclude=gnome-shell", "--exclude=grub2-efi-x64", "--exclude=kernel-core")) {
            assertTrue(rest.contains(left), "the command installs no update the advice warns of: " + rest);
        }

        firefoxKarma(-3, 3);
        JsonObject check = json(root, "check", "--feed", feed.url());
        JsonObject firefox = byKey(check.getAsJsonArray("updates"), "name", "firefox");
        assertEquals("hold", firefox.get("verdict").getAsString(), "karma -3, where Bodhi takes a testing update back: " + firefox);
    }

    private final List<Path> made = new ArrayList<>();

    @AfterEach
    void removeCopies() {
        made.forEach(p -> Processes.run(List.of("rm", "-rf", p.toString()), null, Map.of()));
    }

    /**
     * A copy of a root whose enabled repositories no longer have mesa 25.1.2 (as Fedora's updates
     * repository keeps only the newest build), with a disabled updates-archive repository that has it.
     */
    EdgeRootsIT.Root archivedCopy(EdgeRootsIT.Root of, Path archive, String repoBase) throws Exception {
        String name = "archive-copy-" + made.size() + "-" + ProcessHandle.current().pid();
        Path path = of.path().resolveSibling(name);
        made.add(path);
        assertEquals(0, Processes.run(List.of("cp", "-a", of.path().toString(), path.toString()), null, Map.of()).exitCode());
        Path repos = path.resolve("etc/yum.repos.d");
        Files.writeString(repos.resolve("fedora.repo"), "excludepkgs=mesa-dri-drivers,mesa-libGL\n",
                StandardOpenOption.APPEND);
        Files.writeString(repos.resolve("updates-archive.repo"), "[updates-archive]\nname=Fedora 43 - updates-archive\n"
                + "baseurl=file://" + repoBase + "/" + archive.getFileName() + "\nenabled=0\ngpgcheck=0\n");
        if (of.manager().equals("dnf4")) {
            Path plugins = Files.createDirectories(path.resolve("etc/dnf/plugins"));
            Files.writeString(plugins.resolve("versionlock.conf"), "[main]\nenabled = 1\nlocklist = "
                    + plugins.resolve("versionlock.list") + "\n");
            Files.writeString(plugins.resolve("versionlock.list"), "");
            return new EdgeRootsIT.Root("dnf4", path, path.toString(), List.of());
        }
        return new EdgeRootsIT.Root("dnf5", path, "/roots/" + name, of.prefix());
    }

    static Set<String> mesa(EdgeRootsIT.Root root) {
        List<String> command = new ArrayList<>(root.prefix());
        command.addAll(List.of("rpm", "--root", root.commandRoot(), "-q", "--qf", "%{NAME}-%{VERSION}-%{RELEASE}\\n",
                "mesa-dri-drivers", "mesa-libGL"));
        return new TreeSet<>(Processes.run(command, null, Map.of()).stdout().lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void bothWaysBackWorkWhenTheLastGoodBuildIsOnlyInUpdatesArchive(String manager) throws Exception {
        if (!TestRoots.isRoot()) {
            Tools.missing("running dnf on a copy of a root needs root");
        }
        EdgeRootsIT.Root main = mainRoot(manager);
        Path repos = TestRoots.dir().resolve("sid/srv/repos");
        Path archive = repos.resolve("archive-" + ProcessHandle.current().pid() + "-" + manager);
        made.add(archive);
        Files.createDirectories(archive);
        for (String rpm : List.of("mesa-dri-drivers-25.1.2-1.fc43.x86_64.rpm", "mesa-libGL-25.1.2-1.fc43.x86_64.rpm")) {
            Files.copy(repos.resolve("fedora").resolve(rpm), archive.resolve(rpm));
        }
        assertEquals(0, Processes.run(List.of("createrepo_c", "--quiet", archive.toString()), null, Map.of()).exitCode());
        String base = manager.equals("dnf4") ? repos.toString() : "/srv/repos";
        EdgeRootsIT.Root byDowngrade = archivedCopy(main, archive, base);
        EdgeRootsIT.Root byUndo = archivedCopy(main, archive, base);
        feed.publish(utf8("{\"format\":\"preflight-incidents/1\",\"publisher\":\"test\",\"generated\":\"2026-11-21T00:00:00Z\","
                + "\"expires\":\"2027-12-01T00:00:00Z\",\"incidents\":[{\"id\":\"MESA-ARCHIVE\",\"title\":\"GPU hang\","
                + "\"summary\":\"\",\"status\":\"identified\",\"severity\":\"major\",\"published\":\"2026-11-20T10:00:00Z\","
                + "\"modified\":\"2026-11-20T10:00:00Z\",\"resolved\":null,\"releases\":[\"43\"],\"affected\":["
                + "{\"name\":\"mesa-dri-drivers\",\"introduced\":\"25.1.4-1.fc43\",\"last_good\":\"25.1.2-1.fc43\"},"
                + "{\"name\":\"mesa-libGL\",\"introduced\":\"25.1.4-1.fc43\",\"last_good\":\"25.1.2-1.fc43\"}]}]}"));

        JsonObject guide = json(byDowngrade, "guide", "MESA-ARCHIVE", "--feed", feed.url());
        JsonObject back = null;
        for (JsonElement step : guide.getAsJsonArray("steps")) {
            if (step.getAsJsonObject().get("title").getAsString().startsWith("Go back")) {
                back = step.getAsJsonObject();
            }
        }
        assertTrue(back != null && back.getAsJsonArray("commands").size() == 2, "a downgrade and an undo: " + guide);
        List<List<String>> ways = new ArrayList<>();
        for (JsonElement c : back.getAsJsonArray("commands")) {
            List<String> argv = new ArrayList<>();
            c.getAsJsonObject().getAsJsonArray("argv").forEach(a -> argv.add(a.getAsString()));
            assertTrue(argv.contains("--enablerepo=updates-archive"), "every way back reaches the archive: " + argv);
            ways.add(argv);
        }
        assertTrue(ways.get(1).contains("undo"), ways.toString());
        // Each alternative, run for real on its own copy, brings back the last good builds.
        int k = 0;
        for (EdgeRootsIT.Root copy : List.of(byDowngrade, byUndo)) {
            List<String> argv = new ArrayList<>(ways.get(k++));
            argv.replaceAll(a -> a.equals("--installroot=" + byDowngrade.commandRoot()) ? "--installroot=" + copy.commandRoot() : a);
            Processes.Result run = Processes.run(copy.dnf(argv), null, Map.of());
            assertEquals(0, run.exitCode(), argv + "\n" + run.stdout() + run.stderr());
            assertEquals(Set.of("mesa-dri-drivers-25.1.2-1.fc43", "mesa-libGL-25.1.2-1.fc43"), mesa(copy), argv.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void aSecondCheckWithinTheSourcesFreshnessAsksNothingAndSaysHowOldItsAnswersAre(String manager) {
        EdgeRootsIT.Root root = mainRoot(manager);
        FedoraSources.serve(server);
        server.answer("/releases/", Answer.json(utf8("{\"releases\":[{\"name\":\"F43\",\"version\":\"43\",\"id_prefix\":\"FEDORA\","
                + "\"state\":\"current\",\"eol\":\"2026-12-02\"}]}"), null));
        Map<String, String> reusing = new HashMap<>(feed.environment());
        reusing.remove("PREFLIGHT_SOURCES_REUSE");
        reusing.putAll(root.env());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Processes.jar().toString(), "check", "--json", "--root", root.path().toString()));
        Processes.Result first = Processes.run(command, null, reusing);
        JsonObject cold = JsonParser.parseString(first.stdout()).getAsJsonObject();
        assertEquals("network", byKey(cold.getAsJsonArray("sources"), "source", "Bugzilla").get("from").getAsString());
        int asked = server.requests().size();
        Processes.Result second = Processes.run(command, null, reusing);
        JsonObject warm = JsonParser.parseString(second.stdout()).getAsJsonObject();
        assertEquals(asked, server.requests().size(), "within their freshness, no source is asked: " + server.requests().subList(asked,
                server.requests().size()));
        for (String source : List.of("Bodhi", "Bugzilla", "Common Issues")) {
            JsonObject s = byKey(warm.getAsJsonArray("sources"), "source", source);
            assertEquals("reused", s.get("state").getAsString(), s.toString());
            assertEquals("cache", s.get("from").getAsString());
            assertFalse(s.get("as_of").isJsonNull(), "with its age");
        }
        assertEquals(cold.get("verdict"), warm.get("verdict"), "the same verdict from the same answers");
        List<String> text = new ArrayList<>(command);
        text.remove("--json");
        assertTrue(Processes.run(text, null, reusing).stdout().contains("Bugzilla: answered"), "said in the text");

        // Asked for fresh data (check --refresh, the window's Check again): every source is asked, conditionally.
        List<String> refresh = new ArrayList<>(command);
        refresh.add("--refresh");
        int before = server.requests().size();
        JsonObject fresh = JsonParser.parseString(Processes.run(refresh, null, reusing).stdout()).getAsJsonObject();
        assertTrue(server.requests().size() > before, "asked again");
        assertEquals("network", byKey(fresh.getAsJsonArray("sources"), "source", "Bugzilla").get("from").getAsString());
    }

    @Test
    void aRefusedHostIsKnownWithinASecond() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        Map<String, String> env = new HashMap<>(feed.environment());
        String nowhere = "http://127.0.0.1:" + port;
        env.putAll(Map.of("PREFLIGHT_BODHI_URL", nowhere, "PREFLIGHT_DISCOURSE_URL", nowhere, "PREFLIGHT_BUGZILLA_URL", nowhere));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Processes.jar().toString(), "check", "--root", TestRoots.dnf4Root().toString());
        Processes.run(command, null, env); // a first run warms the disk caches: what is timed is the network's share
        long start = System.nanoTime();
        Processes.Result r = Processes.run(command, null, env);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("Connection refused"), r.stderr());
        System.out.printf("DerivedTruthIT: sources refusing connections, could not check after %d ms%n", ms);
        assertTrue(ms < 4_000, "refused connections are not waited on and retried: " + ms + " ms (a check without sources takes ~1 s)");
        // No feed, and Fedora's sources refused: said once, in a person's words, with nothing kept to rest on.
        assertTrue(r.stdout().contains("You seem to be offline: neither Fedora's servers nor the incident feeds could be reached,"
                + " and nothing is kept from before"), r.stdout());
    }
}
