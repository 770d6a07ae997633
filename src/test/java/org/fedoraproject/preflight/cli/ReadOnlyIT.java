package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Preflight is read-only on the system it inspects, including the commands it runs: a copy of
 * each real root is checksummed, file by file, before and after ten checks, guides and history
 * reads and an upgrade check, run as root and as the ordinary user nobody, with dnf4 and dnf5 (as root,
 * with and without a scratch directory named for dnf's own files); not one file may be
 * changed, added or removed (dnf's logs, its lock files, a -shm beside a history database, an
 * rpm database where there was none).
 */
class ReadOnlyIT {

    @TempDir
    Path home;

    private final List<Path> made = new ArrayList<>();

    @AfterEach
    void clean() {
        made.forEach(p -> Processes.run(List.of("rm", "-rf", p.toString()), null, Map.of()));
    }

    private static Map<String, String> checksums(Path root) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    sums.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    sums.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } else {
                    sums.put(key, "dir " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                }
            }
        }
        return sums;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void tenChecksGuidesAndHistoryReadsAsRootAndAsNobodyChangeNoFile(String manager) throws Exception {
        if (!TestRoots.isRoot()) {
            Tools.missing("needs root to run as nobody and to copy the roots");
        }
        Tools.require("runuser");
        boolean dnf5 = manager.equals("dnf5");
        Path original = dnf5 ? TestRoots.dnf5Root() : TestRoots.dnf4Root();
        String name = "readonly-" + ProcessHandle.current().pid();
        Path root = original.resolveSibling(name);
        made.add(root);
        assertEquals(0, Processes.run(List.of("cp", "-a", original.toString(), root.toString()), null, Map.of()).exitCode());
        assertEquals(0, Processes.run(List.of("chmod", "-R", "a+rX", root.toString()), null, Map.of()).exitCode());

        byte[] sample;
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            sample = in.readAllBytes();
        }
        // The ordinary user's own home and a copy of the jar it may read.
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "preflight-readonly");
        made.add(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(Processes.jar(), shared.resolve("preflight.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Path nobodyHome = Files.createDirectories(shared.resolve("home"));

        Map<String, String> before = checksums(root);
        try (SignedFeed feed = SignedFeed.serve(sample, home)) {
            Files.createDirectories(nobodyHome.resolve("config/preflight/trusted-keys"));
            Files.copy(home.resolve("config/preflight/trusted-keys/test.pub"), nobodyHome.resolve("config/preflight/trusted-keys/test.pub"));
            assertEquals(0, Processes.run(List.of("chown", "-R", "nobody", nobodyHome.toString()), null, Map.of()).exitCode());
            List<String[]> commands = List.of(
                    new String[] {"check", "--json", "--feed", feed.url()}, new String[] {"check", "--feed", feed.url()},
                    new String[] {"check", "--offline", "--feed", feed.url()}, new String[] {"check", "--json", "--feed", feed.url()},
                    new String[] {"guide", "FPS-2026-0042", "--feed", feed.url()},
                    new String[] {"guide", "FPS-2026-0045", "--json", "--feed", feed.url()},
                    new String[] {"guide", "FPS-2026-0042", "--offline", "--feed", feed.url()},
                    new String[] {"history"}, new String[] {"history", "--json"}, new String[] {"history"},
                    new String[] {"check", "--upgrade", "44", "--json", "--feed", feed.url()});
            int runs = 0;
            for (boolean asNobody : new boolean[] {false, true}) {
                for (String[] args : commands) {
                    List<String> command = new ArrayList<>();
                    Map<String, String> env = new HashMap<>(feed.environment());
                    if (asNobody) {
                        env.put("HOME", nobodyHome.toString());
                        env.put("XDG_CONFIG_HOME", nobodyHome.resolve("config").toString());
                        env.put("XDG_CACHE_HOME", nobodyHome.resolve("cache").toString());
                        env.put("XDG_STATE_HOME", nobodyHome.resolve("state").toString());
                    }
                    if (dnf5) {
                        List<String> prefix = new ArrayList<>(asNobody ? List.of("unshare", "--map-root-user") : List.of());
                        prefix.addAll(List.of("chroot", TestRoots.dir().resolve("sid").toString()));
                        env.put("PREFLIGHT_COMMAND_PREFIX", String.join(" ", prefix));
                        env.put("PREFLIGHT_COMMAND_ROOT", "/roots/" + name);
                        // As root, half the commands name no scratch directory: dnf5 must still not log into the root.
                        if (asNobody || runs % 2 == 0) {
                            env.put("PREFLIGHT_COMMAND_SCRATCH", "/tmp/preflight-scratch-" + (asNobody ? "nobody" : "root"));
                        }
                    }
                    if (asNobody) {
                        command.addAll(List.of("runuser", "-u", "nobody", "--", "env"));
                        env.forEach((k, v) -> command.add(k + "=" + v));
                    }
                    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                            (asNobody ? jar : Processes.jar()).toString()));
                    command.addAll(List.of(args));
                    command.addAll(List.of("--root", root.toString()));
                    Processes.Result r = Processes.run(command, null, asNobody ? Map.of() : env);
                    assertTrue(r.exitCode() <= 2, String.join(" ", args) + (asNobody ? " as nobody" : "") + ": " + r.stderr());
                    runs++;
                }
            }
            assertEquals(22, runs);
        }
        assertEquals(before, checksums(root), "not one file of the root changed, appeared or went");
    }
}
