package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.testing.EdgeFeed;
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
 * Preflight as an attacker, a broken network and a damaged disk would try it (issue #28): hostile
 * answers from Bodhi, Bugzilla and Discourse on loopback, and copies of the real roots with a
 * hostile os-release, versionlock file, boot entry and prepared update. Nothing crashes (no stack
 * trace, no Java class name, no server's body in a message), nothing reaches the terminal as a
 * control sequence, nothing grows with what a server sends, nothing absurd is believed.
 */
class HostileInputIT {

    /** ESC with OSC 52 (write the clipboard) and a colour, BEL, C1 CSI, and a right-to-left override. */
    static final String EVIL = "\u001b]52;c;cm0gLXJmIH4=\u0007 \u001b[31mred \u009b2J \u202eevil";

    @TempDir
    Path home;

    private SignedFeed feed;
    private FeedServer server;
    private final List<Path> made = new ArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        feed = SignedFeed.serve("{}".getBytes(StandardCharsets.UTF_8), home);
        server = feed.server();
    }

    @AfterEach
    void stop() {
        feed.close();
        made.forEach(p -> Processes.run(List.of("rm", "-rf", p.toString()), null, Map.of()));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string literal of this text, with its controls escaped as JSON writes them. */
    static String json(String text) {
        return new JsonPrimitive(text).toString();
    }

    private Processes.Result preflight(EdgeRootsIT.Root root, String... args) {
        return DerivedTruthIT.preflight(feed, root, args);
    }

    /** No stack trace, no Java class name, no JSON path, one short line per problem; no terminal control anywhere. */
    static void assertClean(String what, Processes.Result r) {
        assertTrue(r.exitCode() >= 0 && r.exitCode() <= 3, what + ": exit " + r.exitCode() + "\n" + r.stderr());
        for (String stream : List.of(r.stdout(), r.stderr())) {
            for (char c : stream.toCharArray()) {
                assertFalse(c == 0x1b || c == 0x07 || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                        || (c >= 0x2066 && c <= 0x2069) || c == '\r', what + ": a control character U+" + Integer.toHexString(c));
            }
        }
        for (String line : r.stderr().lines().toList()) {
            assertFalse(line.contains("Exception") || line.startsWith("\tat ") || line.contains("java.") || line.contains("com.google")
                    || line.contains("$."), what + ": " + line);
            assertTrue(line.length() < 400, what + ": a problem longer than a line: " + line.length() + " characters");
        }
    }

    /** A copy of a root to damage: beside the original (inside the chroot for dnf5). */
    EdgeRootsIT.Root copy(EdgeRootsIT.Root of) {
        if (!TestRoots.isRoot()) {
            Tools.missing("copying a root needs root");
        }
        String name = "hostile-copy-" + made.size() + "-" + ProcessHandle.current().pid();
        Path path = of.path().resolveSibling(name);
        made.add(path);
        assertEquals(0, Processes.run(List.of("cp", "-a", of.path().toString(), path.toString()), null, Map.of()).exitCode());
        return of.manager().equals("dnf4") ? new EdgeRootsIT.Root("dnf4", path, path.toString(), List.of())
                : new EdgeRootsIT.Root("dnf5", path, "/roots/" + name, of.prefix());
    }

    static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file); // etc/os-release is a link into usr/lib: replaced, not written through
        Files.writeString(file, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void hostileAnswersNeitherCrashNorControlTheTerminalNorGrowTheReport(String manager) {
        EdgeRootsIT.Root root = DerivedTruthIT.mainRoot(manager);
        // Bugzilla: a CommonBugs bug titled with controls; asked for 20 rows, a hundred thousand.
        StringBuilder many = new StringBuilder();
        for (int k = 0; k < 100_000; k++) {
            many.append(k == 0 ? "" : ",").append("{\"id\":").append(3_000_000 + k).append(",\"summary\":").append(json("crash " + EVIL))
                    .append(",\"component\":[\"gnome-shell\"],\"version\":[\"43\"],\"status\":\"NEW\",\"resolution\":\"\",")
                    .append("\"is_open\":true,\"keywords\":[\"CommonBugs\"],\"cf_fixed_in\":\"\",\"severity\":\"high\",")
                    .append("\"creation_time\":\"2026-11-25T10:00:00Z\"}");
        }
        byte[] flood = utf8("{\"faults\":[],\"bugs\":[" + many + "]}");
        server.answerByQuery("/rest/bug", query -> query.contains("keywords=CommonBugs") ? Answer.json(flood, null)
                : Answer.json(utf8("{\"faults\":[],\"bugs\":[{\"id\":" + json("2400040" + EVIL) + ",\"summary\":\"x\"}]}"), null));
        // Bodhi: firefox's update with ten thousand negative comments, each with controls.
        StringBuilder comments = new StringBuilder();
        for (int k = 0; k < 10_000; k++) {
            comments.append(k == 0 ? "" : ",").append("{\"karma\":-1,\"text\":").append(json("broke " + EVIL))
                    .append(",\"user\":{\"name\":").append(json("u" + k + EVIL)).append("}}");
        }
        server.answerByQuery("/updates/", query -> Answer.json(utf8("{\"updates\":[{\"alias\":\"FEDORA-2026-aa11bb22cc\","
                + "\"status\":\"testing\",\"karma\":-2,\"builds\":[{\"nvr\":\"firefox-146.0-1.fc43\"}],\"comments\":[" + comments
                + "]}],\"page\":1,\"pages\":1}"), null));
        // Discourse: a title with controls, a link to a bug whose id is hostile, and a next page that is no address.
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", Answer.json(utf8("{\"topic_list\":{\"more_topics_url\":"
                + "\"/tags/c/ask/common-issues/82/none/f43?page=1 ; rm\",\"topics\":[{\"id\":79,\"title\":" + json("gnome-shell " + EVIL)
                + ",\"slug\":\"t\",\"created_at\":\"2026-11-23T10:00:00Z\",\"tags\":[\"f43\"]}]}}"), null));
        server.answer("/raw/79/1", Answer.text("gnome-shell 49.2 " + EVIL + "\n\nhttps://bugzilla.redhat.com/show_bug.cgi?id=2400040\n"));

        Processes.Result text = preflight(root, "check");
        assertClean("check", text);
        assertTrue(text.stdout().lines().count() < 2_000, "bounded whatever the servers send: " + text.stdout().lines().count() + " lines");
        assertTrue(text.stdout().contains("more negative comments"), "a few comments and a count");
        Processes.Result json = preflight(root, "check", "--json");
        assertClean("check --json", json);
        JsonObject report = JsonParser.parseString(json.stdout()).getAsJsonObject();
        long derived = report.getAsJsonArray("incidents").asList().stream()
                .filter(i -> i.getAsJsonObject().get("id").getAsString().startsWith("rhbz#")).count();
        assertTrue(derived <= 200, "no more rows than asked for, page by page: " + derived + " incidents from Bugzilla");
        assertTrue(report.toString().contains("more rows than asked for"), "said");
        assertTrue(report.toString().contains("next page's address was not usable"), report.getAsJsonArray("signal_problems").toString());
        assertClean("guide", preflight(root, "guide", "rhbz#3000000"));
        assertClean("check --upgrade", preflight(root, "check", "--upgrade", "44"));
    }

    @Test
    void answersThatAreNoJsonOrNotTheirFormAreSaidInOneShortLine() {
        EdgeRootsIT.Root root = DerivedTruthIT.mainRoot("dnf4");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String big = "[" + "\"x\",".repeat(100_000) + "\"x\"]";
        for (String answer : List.of("{\"faults\":[],\"bugs\":[{\"id\":240", deep, big, "{\"bugs\":[{\"id\":\"2400040; rm -rf /\"}]}")) {
            server.answerByQuery("/rest/bug", query -> Answer.json(utf8(answer), null));
            Processes.Result r = preflight(root, "check");
            assertClean("Bugzilla answering " + answer.substring(0, Math.min(30, answer.length())), r);
            assertTrue(r.stderr().contains("Bugzilla: its answer was not"), r.stderr());
            assertFalse(r.stderr().contains("rm -rf"), "the body is never quoted: " + r.stderr());
        }
    }

    @Test
    void aRedirectToNoAddressIsRefusedWithTheSourceNamed() {
        EdgeRootsIT.Root root = DerivedTruthIT.mainRoot("dnf4");
        Answer nowhere = Answer.status(302, Map.of("Location", "http://127.0.0.1:9/a b"));
        server.answerByQuery("/rest/bug", query -> nowhere);
        server.answerByQuery("/updates/", query -> nowhere);
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", Answer.status(302, Map.of("Location", "http://[::1")));
        server.answer("/incidents.json", Answer.status(302, Map.of("Location", "http://[::1")));
        Processes.Result r = preflight(root, "check", "--feed", feed.url());
        assertClean("redirects", r);
        assertEquals(3, r.exitCode(), "nothing answered: could not check, said plainly");
        assertTrue(r.stderr().contains("Bugzilla: the server redirected to"), r.stderr());
        assertTrue(r.stderr().contains("which is not an address"), r.stderr());
    }

    @Test
    void aReleaseThatIsNoNumberIsNotCheckedAndGoesIntoNoAddress() throws Exception {
        EdgeRootsIT.Root root = copy(DerivedTruthIT.mainRoot("dnf4"));
        write(root.path().resolve("etc/os-release"), "NAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID=\"43; rm -rf /\"\n"
                + "PRETTY_NAME=\"Fedora " + EVIL + "\"\n");
        int before = server.requests().size();
        Processes.Result r = preflight(root, "check");
        assertClean("VERSION_ID 43; rm -rf /", r);
        assertEquals(3, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("which is not a release number"), r.stderr());
        assertTrue(server.requests().subList(before, server.requests().size()).stream()
                .noneMatch(q -> q.path().contains("rm") || q.query().contains("rm")), "no address built from it: " + server.requests());

        write(root.path().resolve("etc/os-release"), "NAME=Debian\nID=debian\nVERSION_ID=12\nPRETTY_NAME=\"Debian " + EVIL + "\"\n");
        Processes.Result other = preflight(root, "check");
        assertClean("another system's PRETTY_NAME", other);
        assertTrue(other.stdout().contains("this is Debian"), other.stdout());
    }

    @Test
    void versionlockEntriesDnf5CannotApplyAreReportedAndLeftOut() throws Exception {
        EdgeRootsIT.Root root = copy(DerivedTruthIT.mainRoot("dnf5"));
        write(root.path().resolve("etc/dnf/versionlock.toml"), """
                version = "1.0"
                [[packages]]
                name = "kernel-cor[z-a]"
                [[packages]]
                name = "kernel-core[]"
                [[packages]]
                name = "kernel-core"
                [[packages.conditions]]
                key = "epoch"
                comparator = "="
                value = "one"
                [[packages]]
                name = "\\u001b]52;c;cm0=\\u0007firefox"
                [[packages]]
                name = "htop"
                """);
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            feed.publish(in.readAllBytes());
        }
        Processes.Result check = preflight(root, "check", "--feed", feed.url());
        assertClean("versionlock: check", check);
        assertTrue(check.stderr().contains("(kernel-cor[z-a]) is invalid, as dnf5 reports it: the name pattern is not valid"),
                check.stderr());
        assertTrue(check.stderr().contains("the epoch one is not a number"), check.stderr());
        assertClean("versionlock: guide", preflight(root, "guide", "FPS-2026-0045", "--feed", feed.url()));
    }

    @Test
    void aBootEntryWhoseVersionIsNoKernelReleaseIsUnknownWithANote() throws Exception {
        EdgeRootsIT.Root root = copy(EdgeRootsIT.root("dnf4"));
        try (var entries = Files.list(root.path().resolve("boot/loader/entries"))) {
            for (Path entry : entries.toList()) {
                Files.writeString(entry, Files.readString(entry).replaceAll("(?m)^version .*$", "version 99.0-1.fc43.x86_64;reboot"));
            }
        }
        feed.publish(EdgeFeed.of(null, "25.1.6-1.fc43", "2026-11-21T00:00:00Z"));
        Processes.Result guide = preflight(root, "guide", "EDGE-KERNEL", "--feed", feed.url());
        assertClean("guide with a hostile boot entry", guide);
        assertTrue(guide.stdout().contains("Which kernel boots by default is not known"), guide.stdout());
        assertFalse(guide.stdout().contains(";reboot") && guide.stdout().contains("grubby --set-default /boot/vmlinuz-99"), guide.stdout());
    }

    @Test
    void nothingAbsurdIsBelieved() {
        EdgeRootsIT.Root root = DerivedTruthIT.mainRoot("dnf4");
        server.answerByQuery("/releases/", query -> Answer.json(utf8("{\"releases\":["
                + "{\"name\":\"F43\",\"version\":\"43\",\"id_prefix\":\"FEDORA\",\"state\":\"current\",\"eol\":\"0001-01-01\"},"
                + "{\"name\":\"F44\",\"version\":\"\u0664\u0664\",\"id_prefix\":\"FEDORA\",\"state\":\"current\",\"eol\":null}]}"), null));
        Processes.Result r = preflight(root, "check");
        assertClean("absurd releases", r);
        assertFalse(r.stdout().contains("Jan 1, 1 ") || r.stdout().contains("0001-01-01:"), r.stdout());
        assertTrue(r.stdout().contains("Ignored: Bodhi's end of life 0001-01-01 for Fedora 43 is not a plausible date."), r.stdout());
        assertFalse(r.stdout().contains("\u0664"), "Arabic-Indic digits are no release: " + r.stdout());
    }

    @Test
    void aPreparedUpdateThatCannotBeReadMakesTheCheckPartial() throws Exception {
        EdgeRootsIT.Root root = copy(DerivedTruthIT.mainRoot("dnf4"));
        StringBuilder ids = new StringBuilder("[update]\nprepared_ids=");
        for (int k = 0; k < 100_001; k++) {
            ids.append(k == 0 ? "" : ",").append("kernel-core;6.17.7-300.fc43;x86_64;updates");
        }
        write(root.path().resolve("var/lib/PackageKit/prepared-update"), ids + "\n");
        Processes.Result r = preflight(root, "check", "--json");
        assertClean("an oversized prepared update", r);
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertFalse(json.get("complete").getAsBoolean(), "what the next restart installs was not checked");
        assertTrue(json.getAsJsonArray("not_checked").toString().contains("PackageKit"), json.getAsJsonArray("not_checked").toString());
        assertTrue(r.exitCode() >= 1, "never exit 0 on it");
    }

    @Test
    void theDnfHooksLinesAreCleanWhateverDnfAnswers() throws Exception {
        String conf = "{\"status\":\"OK\",\"return\":{\"keys_val\":[{\"key\":\"installroot\",\"value\":\"/\"}]}}\n";
        List<String> answers = List.of("not json at all {{{\n",
                conf + "{\"status\":\"OK\",\"return\":{\"trans_packages\":[{\"name\":" + json(EVIL + "kernel")
                        + ",\"epoch\":\"0\",\"version\":\"1\",\"release\":\"1\",\"arch\":\"x86_64\"}]}}\n",
                conf + "{\"status\":\"OK\",\"return\":{\"trans_packages\":[{\"name\":\"kernel\",\"epoch\":" + json("1" + EVIL)
                        + ",\"version\":\"1\",\"release\":\"1\",\"arch\":\"x86_64\"}]}}\n");
        for (String answer : answers) {
            Path stdin = Files.writeString(home.resolve("dnf-answers"), answer);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    Processes.jar().toString(), "dnf-hook");
            Processes.Result r = Processes.run(command, stdin, feed.environment());
            assertClean("the dnf hook, dnf answering " + answer.substring(0, Math.min(40, answer.length())), r);
            assertEquals(0, r.exitCode(), "the hook never blocks dnf: " + r.stderr());
            assertTrue(r.stderr().lines().count() <= 2, r.stderr());
        }
    }
}
