package org.fedoraproject.preflight.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.Main;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.cli.PreflightCommand;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A SIG member's day on the desk, with Bodhi and Bugzilla on loopback answering as they do, and
 * the published feed read back by {@code preflight check} on the real dnf4 test root: draft from
 * the update that brought mesa 25.1.4 → fill the gaps → publish → the pending mesa update is held
 * → fixed in 25.1.6 → publish → fix available.
 */
class DeskIT {

    private static final String BAD = "FEDORA-2026-1a2b3c4d5e";
    private static final String ID = "FPS-2026-1a2b3c4d5e";
    private static final String SHELL = "FEDORA-2026-9b9b9b9b9b";

    @TempDir
    Path dir;

    private FeedServer fedora;
    private FeedServer published;
    private KeyPair key;
    private Map<String, String> env;

    @BeforeEach
    void serve() throws Exception {
        fedora = FeedServer.http();
        fedora.answerByQuery("/updates/", query -> FeedServer.Answer.json(bodhi(query), null));
        fedora.answerByQuery("/rest/bug", query -> FeedServer.Answer.json(
                "{\"faults\":[],\"bugs\":[]}".getBytes(StandardCharsets.UTF_8), null));
        fedora.answer("/t/160042.json", FeedServer.Answer.json(("{\"id\":160042,\"title\":\"Black screen \\u001b[31m<img src=x "
                + "onerror=alert(1)>\",\"slug\":\"black-screen\",\"created_at\":\"2026-11-18T08:00:00.000Z\",\"tags\":[{\"name\":\"f43\"}],"
                + "\"post_stream\":{\"posts\":[]}}").getBytes(StandardCharsets.UTF_8), null));
        fedora.answer("/raw/160042/1", FeedServer.Answer.text("After mesa 25.1.4 the screen stays black.\n\n"
                + "See https://bugzilla.redhat.com/show_bug.cgi?id=2400042"));
        published = FeedServer.http();
        key = FeedKeys.generate();
        Files.writeString(dir.resolve("desk.key"), FeedKeys.privatePem(key.getPrivate()));
        Path keys = Files.createDirectories(dir.resolve("home/config/preflight/trusted-keys"));
        Files.writeString(keys.resolve("sig.pub"), FeedKeys.publicPem(key.getPublic()));
        env = new HashMap<>(Map.of("HOME", dir.resolve("home").toString(), "XDG_CONFIG_HOME", dir.resolve("home/config").toString(),
                "XDG_CACHE_HOME", dir.resolve("home/cache").toString(), "PREFLIGHT_BODHI_URL", fedora.url(""),
                "PREFLIGHT_DISCOURSE_URL", fedora.url(""), "PREFLIGHT_BUGZILLA_URL", fedora.url(""),
                "PREFLIGHT_SOURCES_REUSE", "off", "SOURCE_DATE_EPOCH", "1796000000"));
    }

    @AfterEach
    void stop() {
        fedora.close();
        published.close();
    }

    /** Bodhi's answers: the bad update, and the stable updates of each of its packages (the one before it, 25.1.2). */
    private static byte[] bodhi(String query) {
        List<String> updates = new ArrayList<>();
        String bad = update(BAD, "25.1.4-1.fc43", "2026-11-18 10:00:00");
        String good = update("FEDORA-2026-0a0a0a0a0a", "25.1.2-1.fc43", "2026-10-01 09:00:00");
        String shell = update(SHELL, "gnome-shell", "49.2-1.fc43", "2026-11-20 10:00:00");
        if (query.contains("pushed_since=")) {
            updates.add(update("FEDORA-2026-7c7c7c7c7c", "foo", "1.0-1.fc43", "2026-11-25 10:00:00").replace("\"status\"",
                    "\"karma\":-2,\"status\""));
            updates.add(update("FEDORA-2026-8d8d8d8d8d", "bar", "1.0-1.fc43", "2026-11-20 10:00:00"));
            updates.add(update("FEDORA-2026-8e8e8e8e8e", "bar", "1.1-1.fc43", "2026-11-21 12:00:00"));
            updates.add(update("FEDORA-2026-8f8f8f8f8f", "baz", "1.0-1.fc43", "2026-11-10 10:00:00"));
            updates.add(update("FEDORA-2026-8a8a8a8a8a", "baz", "1.1-1.fc43", "2026-11-24 10:00:00"));
        } else if (query.contains("bugs=2400042")) {
            updates.add(update("FEDORA-2026-6f6f6f6f6f", "mesa-libGL", "25.1.6-1.fc43", "").replace("\"status\":\"stable\"",
                    "\"status\":\"testing\""));
        } else if (query.contains("alias=" + BAD)) {
            updates.add(bad);
        } else if (query.contains("alias=" + SHELL)) {
            updates.add(shell);
        } else if (query.contains("packages=mesa") && query.contains("status=stable")) {
            updates.add(bad);
            updates.add(good);
        } else if (query.contains("packages=gnome-shell") && query.contains("status=stable")) {
            updates.add(shell);
            updates.add(update("FEDORA-2026-0b0b0b0b0b", "gnome-shell", "49.1-1.fc43", "2026-10-02 09:00:00"));
        }
        return ("{\"updates\":[" + String.join(",", updates) + "],\"page\":1,\"pages\":1,\"total\":" + updates.size() + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String update(String alias, String name, String vr, String stable) {
        return "{\"alias\":\"" + alias + "\",\"status\":\"stable\",\"release\":{\"name\":\"F43\"},\"builds\":[{\"nvr\":\"" + name + "-"
                + vr + "\",\"epoch\":0}],\"date_stable\":\"" + stable + "\",\"url\":\"https://bodhi.fedoraproject.org/updates/" + alias
                + "\"}";
    }

    private static String update(String alias, String vr, String stable) {
        return "{\"alias\":\"" + alias + "\",\"status\":\"stable\",\"karma\":1,\"release\":{\"name\":\"F43\",\"version\":\"43\"},"
                + "\"builds\":[{\"nvr\":\"mesa-dri-drivers-" + vr + "\",\"epoch\":0},{\"nvr\":\"mesa-libGL-" + vr + "\",\"epoch\":0}],"
                + "\"date_submitted\":\"2026-09-01 08:00:00\",\"date_stable\":\"" + stable + "\",\"comments\":["
                + (alias.equals(BAD) ? "{\"text\":\"Black screen here\",\"karma\":-1,\"timestamp\":\"2026-11-15 08:00:00\","
                        + "\"user\":{\"name\":\"tester\"}}" : "") + "],\"bugs\":[],"
                + "\"url\":\"https://bodhi.fedoraproject.org/updates/" + alias + "\"}";
    }

    private record Run(int status, String out, String err) {
    }

    private Run desk(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Wiring wiring = Main.wire(env, Clock.systemUTC());
        List<String> all = new ArrayList<>(List.of("desk"));
        all.addAll(List.of(args));
        CommandLine line = PreflightCommand.commandLine(r -> { }, wiring.services(), all.toArray(String[]::new));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int status = line.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private JsonObject check() throws Exception {
        Path site = dir.resolve("site");
        published.answer("/feed.json", FeedServer.Answer.json(Files.readAllBytes(site.resolve("feed.json")), null));
        published.answer("/feed.json.sig", FeedServer.Answer.text(Files.readString(site.resolve("feed.json.sig"))));
        List<String> command = new ArrayList<>(List.of("java", "-jar", Processes.jar().toString(), "check", "--json", "--root",
                TestRoots.dnf4Root().toString(), "--feed", published.url("/feed.json")));
        Processes.Result r = Processes.run(command, null, env);
        return JsonParser.parseString(r.stdout()).getAsJsonObject();
    }

    private static JsonObject update(JsonObject check, String name) {
        for (JsonElement u : check.getAsJsonArray("updates")) {
            if (u.getAsJsonObject().get("name").getAsString().equals(name)) {
                return u.getAsJsonObject();
            }
        }
        throw new AssertionError("no update of " + name + " in " + check);
    }

    private static JsonObject incident(JsonObject check, String id) {
        for (JsonElement i : check.getAsJsonArray("incidents")) {
            if (i.getAsJsonObject().get("id").getAsString().equals(id)) {
                return i.getAsJsonObject();
            }
        }
        throw new AssertionError("no incident " + id + " in " + check);
    }

    @Test
    void aSigMembersDayFromADraftToAFixAvailableOnARealRoot() throws Exception {
        Path desk = dir.resolve("desk");
        assertEquals(0, desk("init", desk.toString(), "--key", "../desk.key", "--site-url", "https://status.example.org/").status());

        Run draft = desk("new", "--desk", desk.toString(), "--from-update", BAD);
        assertEquals(0, draft.status(), draft.err());
        assertTrue(draft.out().startsWith(ID + "\t"), draft.out());
        String text = Files.readString(desk.resolve("incidents/" + ID + ".md"));
        assertTrue(text.contains("introduced = \"25.1.4-1.fc43\"") && text.contains("last_good = \"25.1.2-1.fc43\""), text);
        assertTrue(text.contains("releases = [\"43\"]") && text.contains("bad_updates = [\"" + BAD + "\"]"), text);
        assertEquals(1, desk("new", "--desk", desk.toString(), "--from-update", BAD).status(), "a second draft of the same update");

        Run refused = desk("publish", "--desk", desk.toString(), dir.resolve("site").toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("incidents/" + ID + ".md:3: a gap the draft left"), refused.err());
        assertFalse(Files.exists(dir.resolve("site/feed.json")), "nothing is published while a gap is left");

        Run identified = desk("update", "--desk", desk.toString(), ID.toLowerCase(), "--status", "identified", "--severity", "major",
                "--title", "Black screen after login <script>alert(1)</script>", "--summary", "Some Intel laptops show a black screen.",
                "--workaround", "Log in to *GNOME on Xorg*.\n\n```\nsudo dnf5 downgrade mesa-libGL\n```", "--fix-expected", "2026-12-20");
        assertEquals(0, identified.status(), identified.err());
        Run publish = desk("publish", "--desk", desk.toString(), dir.resolve("site").toString());
        assertEquals(0, publish.status(), publish.err());

        JsonObject affected = check();
        assertEquals("affected", incident(affected, ID).get("relation").getAsString(), affected.toString());
        // The roots have mesa 25.1.4 installed: its pending update stays in the range, and Preflight says so rather than hold.
        assertEquals("caution", update(affected, "mesa-libGL").get("verdict").getAsString());

        // The same day, a second incident: gnome-shell 49.2, pending on the root, which has 49.1.
        Run second = desk("new", "--desk", desk.toString(), "--from-update", SHELL);
        assertEquals(0, second.status(), second.err());
        assertEquals(0, desk("update", "--desk", desk.toString(), "FPS-2026-9b9b9b9b9b", "--status", "identified", "--severity",
                "critical", "--title", "Session crashes on login", "--summary", "GNOME Shell 49.2 crashes.", "--workaround",
                "None known.").status());
        assertEquals(0, desk("publish", "--desk", desk.toString(), dir.resolve("site").toString()).status());
        JsonObject held = check();
        assertEquals("hold", update(held, "gnome-shell").get("verdict").getAsString(), held.toString());
        assertEquals("at-risk", incident(held, "FPS-2026-9b9b9b9b9b").get("relation").getAsString());

        String page = Files.readString(dir.resolve("site/incidents/" + ID + ".html"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>"), page);
        assertTrue(page.contains("sudo dnf5 downgrade mesa-dri-drivers-25.1.2-1.fc43 mesa-libGL-25.1.2-1.fc43"), page);

        // The pages are valid HTML (tidy: no warning, no error) and the Atom feed well-formed XML (xmllint).
        Tools.require("tidy");
        Tools.require("xmllint");
        for (String html : List.of("index.html", "incidents/" + ID + ".html")) {
            Processes.Result tidy = Processes.run(List.of("tidy", "-q", "-e", dir.resolve("site").resolve(html).toString()), null, Map.of());
            assertEquals(0, tidy.exitCode(), html + ": " + tidy.stderr());
        }
        assertEquals(0, Processes.run(List.of("xmllint", "--noout", dir.resolve("site/atom.xml").toString()), null, Map.of()).exitCode());
        // And read by a feed reader's parser (Python's feedparser, what many feed readers are built on): no error, the entries there.
        Processes.Result parsed = Processes.run(List.of("/usr/bin/python3", "-c", "import feedparser, sys\n"
                + "d = feedparser.parse(sys.argv[1])\nassert not d.bozo, d.bozo_exception\n"
                + "print(len(d.entries)); print(d.entries[0].title); print(d.entries[0].link)", dir.resolve("site/atom.xml").toString()),
                null, Map.of());
        assertEquals(0, parsed.exitCode(), parsed.stderr());
        // Two incidents, each drafted and identified: four status changes, the newest first.
        assertEquals(List.of("4", "FPS-2026-9b9b9b9b9b identified: Session crashes on login",
                "https://status.example.org/incidents/FPS-2026-9b9b9b9b9b.html"), parsed.stdout().lines().toList());

        screenshots(dir.resolve("site"));

        // Reproducible: the same desk at the same SOURCE_DATE_EPOCH gives the same bytes.
        assertEquals(0, desk("publish", "--desk", desk.toString(), dir.resolve("again").toString()).status());
        for (String f : List.of("feed.json", "feed.json.sig", "index.html", "atom.xml", "summary.json", "review.html",
                "incidents/" + ID + ".html")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("site").resolve(f)), Files.readAllBytes(dir.resolve("again").resolve(f)), f);
        }

        assertEquals(0, desk("update", "--desk", desk.toString(), ID, "--status", "fix-testing", "--fixed", "25.1.6-1.fc43").status());
        assertEquals(0, desk("publish", "--desk", desk.toString(), dir.resolve("site").toString()).status());
        JsonObject fixed = check();
        assertEquals("fix-available", incident(fixed, ID).get("relation").getAsString(), fixed.toString());
        assertEquals("ok", update(fixed, "mesa-libGL").get("verdict").getAsString());

        Run review = desk("review", "--desk", desk.toString(), ID, "--json");
        assertEquals(0, review.status(), review.err());
        JsonObject r = JsonParser.parseString(review.out()).getAsJsonObject();
        JsonObject mesa = r.getAsJsonArray("incidents").get(0).getAsJsonObject();
        assertEquals("2026-11-18T10:00:00Z", mesa.get("bad_update_stable").getAsString());
        assertTrue(mesa.get("stable_to_report_seconds").getAsLong() > 0, mesa.toString());
        assertTrue(mesa.get("report_to_identified_seconds").getAsLong() >= 0 && mesa.get("fix_stable").isJsonNull(), mesa.toString());
        assertTrue(mesa.getAsJsonArray("early_signals").get(0).getAsString()
                .startsWith(BAD + ": karma -1 from tester on 2026-11-15 while in testing"), mesa.toString());
        assertEquals(1, r.getAsJsonObject("by_component").get("mesa-libGL").getAsInt());
        Run all = desk("review", "--desk", desk.toString());
        assertTrue(all.out().contains("Across 2 incidents (medians):") && all.out().contains("warned before the stable push:     1 of 2"),
                all.out());
        Processes.Result tidyReview = Processes.run(List.of("tidy", "-q", "-e", dir.resolve("site/review.html").toString()), null, Map.of());
        assertEquals(0, tidyReview.exitCode(), tidyReview.stderr());

        String atom = Files.readString(dir.resolve("site/atom.xml"));
        assertTrue(atom.indexOf(ID + " fix-testing") < atom.indexOf(ID + " identified")
                && atom.indexOf(ID + " identified") < atom.indexOf(ID + " investigating"), atom);
    }

    /**
     * The site as a browser shows it: Debian's headless Chromium, light and dark (prefers-color-scheme)
     * at 1280 px and light at 320 px, saved under target/test-artifacts/screenshots for people to look at.
     */
    private void screenshots(Path site) throws Exception {
        Path chromium = Tools.require("chromium");
        Path shots = Files.createDirectories(Tools.artifacts().resolve("screenshots"));
        Map<String, byte[]> taken = new HashMap<>();
        for (String page : List.of("index.html", "incidents/" + ID + ".html")) {
            for (String look : List.of("light-1280", "dark-1280", "light-320")) {
                String name = "site-" + (page.equals("index.html") ? "index" : "incident") + "-" + look;
                Path png = shots.resolve(name + ".png");
                Files.deleteIfExists(png);
                List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--user-data-dir=" + dir.resolve("chromium-profile"),
                        "--window-size=" + (look.endsWith("320") ? "320,1400" : "1280,1000"), "--screenshot=" + png));
                if (look.startsWith("dark")) {
                    command.addAll(List.of("--force-dark-mode", "--blink-settings=preferredColorScheme=0"));
                }
                command.add(site.resolve(page).toUri().toString());
                Processes.Result r = Processes.run(command, null, Map.of("HOME", dir.resolve("home").toString()));
                assertTrue(Files.size(png) > 10_000, name + ": " + r.stderr());
                taken.put(name, Files.readAllBytes(png));
            }
        }
        assertFalse(Arrays.equals(taken.get("site-incident-light-1280"), taken.get("site-incident-dark-1280")),
                "the dark screenshot differs from the light one");
    }

    @Test
    void aDraftFromACommonIssuesTopicKeepsItsWordsAsDataAndItsGapsAsGaps() throws Exception {
        Path desk = dir.resolve("desk");
        assertEquals(0, desk("init", desk.toString(), "--key", "../desk.key").status());
        Run draft = desk("new", "--desk", desk.toString(), "--from-topic", "https://discussion.fedoraproject.org/t/black-screen/160042");
        assertEquals(0, draft.status(), draft.err());
        assertTrue(draft.out().startsWith("FPS-T-160042\t"), draft.out());
        IncidentFile.Read read = IncidentFile.read(Files.readString(desk.resolve("incidents/FPS-T-160042.md")));
        DeskIncident incident = read.incident().orElseThrow();
        assertFalse(incident.title().contains("\u001b"), "a terminal escape from Discourse is cleaned: " + incident.title());
        assertEquals(List.of("43"), incident.releases());
        assertTrue(incident.summary().contains("After mesa 25.1.4 the screen stays black."), incident.summary());
        assertTrue(incident.links().contains(new DeskIncident.LinkRef("tracker", "https://bugzilla.redhat.com/show_bug.cgi?id=2400042")));
        Run refused = desk("publish", "--desk", desk.toString(), dir.resolve("site").toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("TODO(desk): the package"), refused.err());
        assertEquals(1, desk("new", "--desk", desk.toString(), "--from-topic", "https://example.org/nothing").status());
    }

    @Test
    void triageRanksWhatIsNotOnTheDeskAndForgetsWhatIs() throws Exception {
        // Bugzilla: one Prioritized Bug (the flag's search), nothing else.
        fedora.answerByQuery("/rest/bug", query -> FeedServer.Answer.json((query.contains("fedora_prioritized_bug")
                ? "{\"faults\":[],\"bugs\":[{\"id\":2401234,\"summary\":\"Suspend fails after kernel update\",\"component\":"
                + "[\"kernel\"],\"version\":[\"43\"],\"status\":\"NEW\",\"resolution\":\"\",\"is_open\":true,\"keywords\":[],"
                + "\"cf_fixed_in\":\"\",\"severity\":\"high\",\"creation_time\":\"2026-11-28T10:00:00Z\"}]}"
                : "{\"faults\":[],\"bugs\":[]}").getBytes(StandardCharsets.UTF_8), null));
        fedora.answer("/tags/c/ask/common-issues/82/none/f43.json", FeedServer.Answer.json(("{\"topic_list\":{\"topics\":[{\"id\":160042,"
                + "\"title\":\"Black screen after mesa update\",\"slug\":\"black-screen\",\"created_at\":\"2026-11-18T08:00:00.000Z\","
                + "\"tags\":[\"f43\"]}]}}").getBytes(StandardCharsets.UTF_8), null));
        Path desk = dir.resolve("desk");
        assertEquals(0, desk("init", desk.toString()).status());
        Run first = desk("triage", "--desk", desk.toString(), "--release", "43", "--json");
        assertEquals(0, first.status(), first.err());
        List<String> kinds = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (JsonElement c : JsonParser.parseString(first.out()).getAsJsonObject().getAsJsonArray("candidates")) {
            kinds.add(c.getAsJsonObject().get("kind").getAsString());
            commands.add(c.getAsJsonObject().get("command").getAsString());
        }
        // Weight first (a Prioritized bug and karma -2 weigh 5), then the title.
        assertEquals(List.of("Prioritized bug", "negative karma", "Common Issues", "replaced quickly"), kinds, first.out());
        assertEquals(List.of("preflight desk new --from-bug 2401234", "preflight desk new --from-update FEDORA-2026-7c7c7c7c7c",
                "preflight desk new --from-topic " + fedora.url("") + "/t/black-screen/160042",
                "preflight desk new --from-update FEDORA-2026-8d8d8d8d8d"), commands);

        assertEquals(0, desk("new", "--desk", desk.toString(), "--from-topic", "160042").status());
        Run second = desk("triage", "--desk", desk.toString(), "--release", "43");
        assertEquals(0, second.status(), second.err());
        assertFalse(second.out().contains("Common Issues:"), "the topic is on the desk now: " + second.out());
        assertTrue(second.out().startsWith("6  fix candidate: FPS-T-160042: FEDORA-2026-6f6f6f6f6f names bug 2400042\n"), second.out());
        assertTrue(second.out().contains("preflight desk update FPS-T-160042 --fix-update FEDORA-2026-6f6f6f6f6f --status fix-testing"),
                second.out());
    }

    @Test
    void aBugThatDoesNotExistAFileEditedIntoAnInvalidStateAndAMissingKeyAreEachSaid() throws Exception {
        Path desk = dir.resolve("desk");
        assertEquals(0, desk("init", desk.toString(), "--key", "../desk.key").status());
        Run noBug = desk("new", "--desk", desk.toString(), "--from-bug", "9999999");
        assertEquals(1, noBug.status());
        assertTrue(noBug.err().contains("Bugzilla has no bug 9999999"), noBug.err());

        assertEquals(0, desk("new", "--desk", desk.toString(), "--from-update", BAD).status());
        Run filled = desk("update", "--desk", desk.toString(), ID, "--severity", "major", "--title", "T", "--summary", "S",
                "--workaround", "None known.");
        assertEquals(0, filled.status(), filled.err());
        Path file = desk.resolve("incidents/" + ID + ".md");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int severity = lines.indexOf("severity = \"major\"");
        lines.set(severity, "severity = \"huge\"");
        Files.write(file, lines);
        Run invalid = desk("publish", "--desk", desk.toString(), dir.resolve("site").toString());
        assertEquals(1, invalid.status());
        assertTrue(invalid.err().contains("incidents/" + ID + ".md:" + (severity + 1) + ": severity"), invalid.err());

        lines.set(severity, "severity = \"major\"");
        lines.set(severity + 1, "releases = [\"43\"");
        Files.write(file, lines);
        Run broken = desk("update", "--desk", desk.toString(), ID, "--note", "x");
        assertEquals(1, broken.status());
        // tomlj names the line where it sees the list is not closed: the releases line or the one after it.
        assertTrue(broken.err().contains("incidents/" + ID + ".md:" + (severity + 2) + ":")
                || broken.err().contains("incidents/" + ID + ".md:" + (severity + 3) + ":"), broken.err());

        lines.set(severity + 1, "releases = [\"43\"]");
        Files.write(file, lines);
        // Against the test roots' real repositories (read by the host's dnf): the names and ranges exist, so it publishes;
        // a name that exists nowhere is refused, named by file and field.
        Path repos = TestRoots.dir().resolve("sid/srv/repos");
        Run against = desk("publish", "--desk", desk.toString(), dir.resolve("site-repo").toString(), "--key", dir.resolve("desk.key")
                .toString(), "--against-repo", repos.resolve("fedora").toString(), "--against-repo", repos.resolve("updates").toString());
        assertEquals(0, against.status(), against.err());
        Files.writeString(file, Files.readString(file).replace("\"mesa-libGL\"", "\"mesa-libgl\""));
        Run typo = desk("publish", "--desk", desk.toString(), dir.resolve("site-typo").toString(), "--key", dir.resolve("desk.key")
                .toString(), "--against-repo", repos.resolve("fedora").toString(), "--against-repo", repos.resolve("updates").toString());
        assertEquals(1, typo.status(), typo.err());
        assertTrue(typo.err().contains("incidents/" + ID + ".md: affected[mesa-libgl].source: the repository has no package built from"
                + " source mesa-libgl"), typo.err());
        Files.writeString(file, Files.readString(file).replace("\"mesa-libgl\"", "\"mesa-libGL\""));
        Run noKey = desk("publish", "--desk", desk.toString(), dir.resolve("site").toString(), "--key", dir.resolve("nope.key").toString());
        assertEquals(3, noKey.status());
        assertTrue(noKey.err().contains("nope.key cannot be read"), noKey.err());
    }
}
