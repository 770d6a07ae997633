package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fedoraproject.preflight.testing.FedoraSources;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --refresh} with the real dnf4 and dnf5: a copy of a test root whose updates
 * repository changed after dnf last looked (the firefox update was withdrawn). Without a refresh
 * the check sees dnf's old metadata; with it, the repositories as they are; the root's own cache
 * is never written, Preflight's is, and later checks read it.
 */
class RefreshIT {

    @TempDir
    Path home;

    private SignedFeed feed;
    private final List<Path> made = new ArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        feed = SignedFeed.serve(new byte[0], home);
        FedoraSources.serve(feed.server());
    }

    @AfterEach
    void clean() throws Exception {
        feed.close();
        for (Path p : made) {
            Processes.run(List.of("rm", "-rf", p.toString()), null, Map.of());
        }
    }

    /**
     * Copies the root and the repositories it uses to {@code base}, lets the root's dnf cache the
     * copy's metadata ({@code makecache}: what dnf did when it last looked), then withdraws
     * firefox's update from the copied repository.
     */
    private Path copy(Path root, Path base, String repoBaseAsRootSees, List<String> makecache) throws IOException {
        Path repos = base.resolve("repos");
        Path copy = base.resolve("root");
        made.add(base);
        Files.createDirectories(base);
        run("cp", "-a", TestRoots.dir().resolve("sid/srv/repos").toString(), repos.toString());
        run("cp", "-a", root.toString(), copy.toString());
        for (String repo : List.of("fedora", "updates")) {
            Path conf = copy.resolve("etc/yum.repos.d/" + repo + ".repo");
            Files.writeString(conf, Files.readString(conf).replaceAll("baseurl=.*", "baseurl=file://" + repoBaseAsRootSees + "/" + repo));
        }
        run(makecache.toArray(String[]::new));
        try (Stream<Path> rpms = Files.list(repos.resolve("updates"))) {
            for (Path rpm : rpms.filter(p -> p.getFileName().toString().startsWith("firefox-")).toList()) {
                Files.delete(rpm);
            }
        }
        run("createrepo_c", "--quiet", "--update", repos.resolve("updates").toString());
        return copy;
    }

    private static void run(String... command) {
        Processes.Result r = Processes.run(List.of(command), null, Map.of());
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.stderr());
    }

    private JsonObject check(Path root, Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString(), "check", "--json", "--root", root.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(feed.environment());
        env.putAll(extra);
        Processes.Result r = Processes.run(command, null, env);
        assertTrue(r.exitCode() >= 0 && r.exitCode() <= 2, "exit " + r.exitCode() + ": " + r.stdout() + r.stderr());
        return JsonParser.parseString(r.stdout()).getAsJsonObject();
    }

    private static List<String> names(JsonObject json) {
        List<String> names = new ArrayList<>();
        for (JsonElement u : json.getAsJsonArray("updates")) {
            names.add(u.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    private static Map<String, Long> tree(Path dir) throws IOException {
        Map<String, Long> files = new HashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis() ^ Files.size(p));
            }
        }
        return files;
    }

    private void theStory(Path root, String cache, Map<String, String> env, Path ownCache) throws IOException {
        Map<String, Long> before = tree(root.resolve(cache));
        assertTrue(names(check(root, env)).contains("firefox"), "dnf's cached metadata still has the withdrawn update");
        JsonObject fresh = check(root, env, "--refresh");
        assertFalse(names(fresh).contains("firefox"), "the repositories as they are now: " + names(fresh));
        assertEquals(8, names(fresh).size(), names(fresh).toString());
        assertEquals(before, tree(root.resolve(cache)), "the root's own cache is not written");
        assertTrue(Files.isDirectory(ownCache) && tree(ownCache).keySet().stream().anyMatch(f -> f.endsWith("repomd.xml")),
                "Preflight's own cache has the metadata: " + ownCache);
        assertFalse(names(check(root, env)).contains("firefox"), "a later check reads the fresher metadata");
    }

    @Test
    void dnf4RefreshesIntoPreflightsOwnCache() throws IOException {
        Path base = home.resolve("dnf4-copy");
        Path root = copy(TestRoots.dnf4Root(), base, base.resolve("repos").toString(), List.of("dnf-3", "-q",
                "--disableplugin=local", "--installroot=" + base.resolve("root"), "--releasever=43", "makecache", "--refresh"));
        Path own = home.resolve("dnf-cache");
        theStory(root, "var/cache/dnf", Map.of("PREFLIGHT_DNF_CACHE", own.toString()), own);
    }

    @Test
    void dnf5RefreshesIntoPreflightsOwnCache() throws IOException {
        // In the sid chroot: the copy, its repositories and Preflight's cache all under the chroot's /var/tmp.
        String name = "preflight-refresh-" + ProcessHandle.current().pid();
        Path sid = TestRoots.dir().resolve("sid");
        Path base = sid.resolve("var/tmp/" + name);
        List<String> makecache = new ArrayList<>(TestRoots.chrootPrefix());
        makecache.addAll(List.of("dnf5", "-q", "--installroot=/var/tmp/" + name + "/root", "--releasever=43", "makecache"));
        copy(TestRoots.dnf5Root(), base, "/var/tmp/" + name + "/repos", makecache);
        Map<String, String> env = new HashMap<>(TestRoots.dnf5Environment());
        env.put("PREFLIGHT_COMMAND_ROOT", "/var/tmp/" + name + "/root");
        env.put("PREFLIGHT_DNF_CACHE", base.resolve("own-cache").toString());
        env.put("PREFLIGHT_COMMAND_DNF_CACHE", "/var/tmp/" + name + "/own-cache");
        theStory(base.resolve("root"), "var/cache/libdnf5", env, base.resolve("own-cache"));
    }
}
