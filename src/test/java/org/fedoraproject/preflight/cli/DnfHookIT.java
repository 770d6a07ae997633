package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dnf5 hook with the real dnf5 and its actions plugin in the Debian sid chroot: Preflight's
 * self-contained image is copied into the chroot (it has no Java of its own), packaging's actions
 * line points at it, and {@code dnf5 upgrade --assumeno} shows what a user would see — stopped,
 * warned, or untouched up to dnf's own question (which --assumeno answers no, so the shared test
 * root never changes).
 */
class DnfHookIT {

    private static final String IMAGE_IN_CHROOT = "/opt/preflight-hook-test";
    private static final String HOME_IN_CHROOT = "/tmp/preflight-hook-test";
    private static Path sid;
    private static Path actions;

    @BeforeAll
    static void install() throws Exception {
        sid = TestRoots.dir().resolve("sid");
        Path image = Path.of("target/image/preflight");
        Path imageJar = image.resolve("lib/app/preflight.jar");
        if (!Files.isRegularFile(imageJar) || Files.mismatch(imageJar, Processes.jar()) != -1) {
            Processes.Result built = Processes.run(List.of("sh", "packaging/build-image.sh"), null, Map.of());
            assertEquals(0, built.exitCode(), built.stderr());
        }
        Path target = sid.resolve(IMAGE_IN_CHROOT.substring(1));
        Processes.run(List.of("rm", "-rf", target.toString()), null, Map.of());
        Processes.Result copied = Processes.run(List.of("cp", "-a", image.toString(), target.toString()), null, Map.of());
        assertEquals(0, copied.exitCode(), copied.stderr());
        // The packaged actions line, pointed at the image in the chroot.
        String line = Files.readAllLines(Path.of("packaging/preflight.actions")).stream().filter(l -> !l.startsWith("#"))
                .findFirst().orElseThrow().replace("/usr/bin/preflight", IMAGE_IN_CHROOT + "/bin/preflight");
        actions = sid.resolve("etc/dnf/libdnf5-plugins/actions.d/zz-preflight-test.actions");
        Files.writeString(actions, line + "\n");
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (actions != null) {
            Files.deleteIfExists(actions);
        }
        if (sid != null) {
            Processes.run(List.of("rm", "-rf", sid.resolve(IMAGE_IN_CHROOT.substring(1)).toString(),
                    sid.resolve(HOME_IN_CHROOT.substring(1)).toString()), null, Map.of());
        }
    }

    /** A user home in the chroot whose settings name a signed feed (the sample, or one without incidents). */
    private static String home(String name, boolean incidents) throws Exception {
        Path home = sid.resolve(HOME_IN_CHROOT.substring(1)).resolve(name);
        Files.createDirectories(home.resolve("config/preflight/trusted-keys"));
        byte[] feed;
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            feed = in.readAllBytes();
        }
        if (!incidents) {
            JsonObject o = JsonParser.parseString(new String(feed, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            o.add("incidents", new JsonArray());
            feed = o.toString().getBytes(StandardCharsets.UTF_8);
        }
        KeyPair key = FeedKeys.generate();
        Files.write(home.resolve("feed.json"), feed);
        Files.writeString(home.resolve("feed.json.sig"), FeedKeys.sign(feed, key.getPrivate()));
        Files.writeString(home.resolve("config/preflight/trusted-keys/test.pub"), FeedKeys.publicPem(key.getPublic()));
        String inChroot = HOME_IN_CHROOT + "/" + name;
        Files.writeString(home.resolve("config/preflight/settings.json"),
                "{\"feeds\":[{\"url\":\"file://" + inChroot + "/feed.json\",\"local\":true}],"
                        + "\"bodhi\":false,\"common_issues\":false}");
        return inChroot;
    }

    /**
     * Runs in the chroot with its own /proc (in private mount and pid namespaces, so nothing is
     * left mounted): the image's launcher and Java find their libraries through /proc/self/exe.
     */
    private static Processes.Result inChroot(List<String> env, String... command) {
        List<String> all = new ArrayList<>(List.of("unshare"));
        if (!TestRoots.isRoot()) {
            all.add("--map-root-user");
        }
        all.addAll(List.of("--mount", "--pid", "--fork", "--mount-proc=" + sid.resolve("proc"), "chroot", sid.toString()));
        all.add("env");
        all.addAll(env);
        all.addAll(List.of(command));
        return Processes.run(all, null, Map.of());
    }

    private static List<String> env(String home, String... more) {
        List<String> env = new ArrayList<>(List.of("HOME=" + home, "XDG_CONFIG_HOME=" + home + "/config",
                "XDG_CACHE_HOME=" + home + "/cache", "LC_ALL=C.UTF-8"));
        env.addAll(List.of(more));
        return env;
    }

    /** Keeps the feed in the user's cache, as the user's first `preflight check` does. */
    private static void keepFeed(String home) {
        Processes.Result check = inChroot(env(home), IMAGE_IN_CHROOT + "/bin/preflight", "check", "--json", "--root", "/roots/dnf5");
        assertTrue(check.exitCode() == 0 || check.exitCode() == 1 || check.exitCode() == 2, check.stderr());
    }

    private static Processes.Result upgrade(String home, List<String> extraEnv, String... packages) {
        List<String> command = new ArrayList<>(List.of("dnf5", "--installroot=/roots/dnf5", "--use-host-config",
                "--setopt=reposdir=/roots/dnf5/etc/yum.repos.d", "-C", "upgrade", "--assumeno"));
        command.addAll(List.of(packages));
        List<String> environment = env(home);
        environment.addAll(extraEnv);
        return inChroot(environment, command.toArray(String[]::new));
    }

    private static final String ASKED = "Operation aborted by the user.";

    /** What dnf and the hook printed. */
    private static String said(Processes.Result r) {
        return r.stdout() + r.stderr();
    }

    /** The transaction went on to dnf's own question (answered no by --assumeno). */
    private static void assertGoesOn(String said) {
        assertTrue(said.contains(ASKED), "dnf went on to ask: " + said);
    }

    @Test
    void anUpgradeThatWouldInstallAnAffectedVersionIsStoppedWithTheWayAround() throws Exception {
        Tools.require("chroot");
        String home = home("affected", true);
        keepFeed(home);
        long start = System.nanoTime();
        Processes.Result r = upgrade(home, List.of());
        long ms = (System.nanoTime() - start) / 1_000_000;
        String all = r.stdout() + r.stderr();
        assertEquals(1, r.exitCode(), all);
        assertTrue(all.contains("Preflight: kernel-core 6.17.7-300.fc43 is affected by FPS-2026-0045 (critical"), all);
        // The way around keeps this version out, never every kernel (a lock on the name would keep the fix out too).
        assertTrue(all.contains("Leave it out: --exclude=kernel-core, or keep this version out: sudo dnf5 versionlock exclude"
                + " kernel-core-6.17.7-300.fc43"), all);
        assertFalse(all.contains("versionlock add"), all);

        assertTrue(all.contains("Preflight stopped this transaction: it would install versions affected by"), all);
        assertTrue(all.contains("PREFLIGHT_HOOK=off"), all);
        assertFalse(all.contains(ASKED), "stopped before dnf asks: " + all);
        System.out.printf("DnfHookIT: dnf5 upgrade stopped by the hook in %d ms%n", ms);

        String minorText = said(upgrade(home, List.of(), "gnome-shell"));
        assertTrue(minorText.contains("Preflight: gnome-shell 49.2-1.fc43 is affected by FPS-2026-0044 (minor"), minorText);
        assertTrue(minorText.contains("A minor problem: the transaction goes on."), minorText);
        assertGoesOn(minorText);

        String offText = said(upgrade(home, List.of("PREFLIGHT_HOOK=off")));
        assertTrue(offText.contains("Preflight: not checking this transaction (PREFLIGHT_HOOK=off)."), offText);
        assertGoesOn(offText);
    }

    @Test
    void anUpgradeOfUnaffectedVersionsIsUntouched() throws Exception {
        String home = home("clean", false);
        keepFeed(home);
        String all = said(upgrade(home, List.of()));
        assertFalse(all.contains("Preflight"), all);
        assertGoesOn(all);
        String affected = home("htop-only", true);
        keepFeed(affected);
        String htop = said(upgrade(affected, List.of(), "htop"));
        assertFalse(htop.contains("Preflight"), htop);
        assertGoesOn(htop);
    }

    @Test
    void withNoFeedKeptItWarnsOnceAndGoesOn() throws Exception {
        String home = home("no-cache", true);
        // The feed's file is gone and nothing was kept: like a first upgrade without network.
        Files.delete(sid.resolve(home.substring(1)).resolve("feed.json"));
        String all = said(upgrade(home, List.of()));
        assertTrue(all.contains("Preflight: no incident feed is kept yet"), all);
        assertGoesOn(all);
    }

    @Test
    void aStopOnAnExpiredKeptFeedSaysItMayBeOutOfDate() throws Exception {
        String home = home("expired", true);
        Path feed = sid.resolve(home.substring(1)).resolve("feed.json");
        JsonObject o = JsonParser.parseString(Files.readString(feed)).getAsJsonObject();
        o.addProperty("expires", "2026-11-26T08:00:00Z"); // after generated, before today
        byte[] expired = o.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(feed, expired);
        KeyPair key = FeedKeys.generate();
        Files.writeString(feed.resolveSibling("feed.json.sig"), FeedKeys.sign(expired, key.getPrivate()));
        Files.writeString(sid.resolve(home.substring(1)).resolve("config/preflight/trusted-keys/test.pub"),
                FeedKeys.publicPem(key.getPublic()));
        keepFeed(home);
        String all = said(upgrade(home, List.of()));
        assertTrue(all.contains("Preflight: the kept incident feed expired on 2026-11-26: it may be out of date"), all);
        assertTrue(all.contains("Preflight stopped this transaction"), all);
    }

    @Test
    void aDamagedKeptFeedIsSaidAsSuchNotAsNoFeed() throws Exception {
        String home = home("damaged", true);
        keepFeed(home);
        try (var bodies = Files.newDirectoryStream(sid.resolve(home.substring(1)).resolve("cache/preflight/feeds"), "*.feed")) {
            for (Path body : bodies) {
                Files.writeString(body, "{\"tampered\": true}");
            }
        }
        String all = said(upgrade(home, List.of()));
        assertTrue(all.contains("Preflight: the kept incident feed could not be used: "), all);
        assertFalse(all.contains("no incident feed is kept yet"), all);
        assertGoesOn(all);
    }

    @Test
    void aDnfThatNeverAnswersGetsAnAnswerWithinTheDeadline() throws Exception {
        String home = home("silent-dnf", true);
        keepFeed(home);
        // stdin is a FIFO the hook itself holds open for writing: a read never ends, as with a dnf that hangs.
        long start = System.nanoTime();
        Processes.Result r = inChroot(env(home, "PREFLIGHT_HOOK_SECONDS=2"), "sh", "-c",
                "f=$(mktemp -u); mkfifo $f; exec 0<>$f; rm $f; exec " + IMAGE_IN_CHROOT + "/bin/preflight dnf-hook");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.exitCode(), said(r));
        assertTrue(r.stderr().contains("Preflight: no answer within 2 s; the transaction goes on unchecked."), said(r));
        assertTrue(ms < 15_000, "answered at its deadline, took " + ms + " ms");
        System.out.printf("DnfHookIT: silent dnf, the hook answered after %d ms (deadline 2 s, JVM start included)%n", ms);
    }

    @Test
    void aBrokenPreflightNeverBlocksDnf() throws Exception {
        String home = home("broken", true);
        keepFeed(home);
        String saved = Files.readString(actions);
        try {
            // As if Preflight (or its Java) were missing.
            Files.writeString(actions, saved.replace(IMAGE_IN_CHROOT + "/bin/preflight", IMAGE_IN_CHROOT + "/bin/missing"));
            assertGoesOn(said(upgrade(home, List.of())));
            // A Preflight that fails inside (its settings unreadable in a way that throws is covered by
            // unit tests); here a command that exits with an error at once.
            Files.writeString(actions, saved.replace(IMAGE_IN_CHROOT + "/bin/preflight dnf-hook", "/bin/false"));
            assertGoesOn(said(upgrade(home, List.of())));
        } finally {
            Files.writeString(actions, saved);
        }
    }
}
