package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.fedoraproject.preflight.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/preflight, the `preflight` command as packages install it, runs the jar it is pointed at. */
class LauncherIT {

    @TempDir
    Path cache;

    private Processes.Result launch(Map<String, String> extra, String... args) {
        HashMap<String, String> env = new HashMap<>(Map.of(
                "PREFLIGHT_JAR", Processes.jar().toString(), "JAVA_HOME", System.getProperty("java.home"),
                "XDG_CACHE_HOME", cache.toString()));
        env.putAll(extra);
        ArrayList<String> command = new ArrayList<>(List.of("packaging/preflight"));
        command.addAll(List.of(args));
        return Processes.run(command, null, env);
    }

    private List<Path> archives() throws IOException {
        Path dir = cache.resolve("preflight");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void theLauncherRunsTheJarWithItsArguments() {
        Processes.Result r = launch(Map.of(), "vercmp", "2:1.0-1", "1:9.9-9");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("1\n", r.stdout());
        Processes.Result version = launch(Map.of(), "--version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().startsWith("Preflight "), version.stdout());
    }

    @Test
    void theFirstRunLeavesAClassArchiveThatLaterRunsUseWithoutChangingTheirOutput() throws IOException {
        Processes.Result first = launch(Map.of(), "check", "--demo", "--json");
        assertEquals(2, first.exitCode(), first.stderr());
        List<Path> archives = archives();
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().matches("classes-cli-[0-9-]+\\.jsa"), archives.toString());
        assertTrue(Files.size(archives.get(0)) > 100_000, "an archive with Preflight's classes in it");

        Processes.Result second = launch(Map.of(), "check", "--demo", "--json");
        assertEquals(first.exitCode(), second.exitCode());
        // Nothing from the JVM's class-data logging may reach stdout, where the JSON goes.
        assertEquals(first.stdout(), second.stdout());
        assertTrue(second.stdout().startsWith("{"), second.stdout());
        assertEquals("", second.stderr());
        assertEquals(archives, archives(), "the archive is reused, not written again");
    }

    @Test
    void aDamagedArchiveIsIgnoredByTheJvm() throws IOException {
        launch(Map.of(), "vercmp", "1", "2");
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not a class archive");
        Processes.Result r = launch(Map.of(), "vercmp", "1", "2");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("-1\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void anUnwritableCacheOrTheSwitchLeavesNoArchiveAndStillRuns() throws IOException {
        Processes.Result off = launch(Map.of("PREFLIGHT_NO_CDS", "1"), "vercmp", "1", "2");
        assertEquals("-1\n", off.stdout(), off.stderr());
        assertEquals(List.of(), archives());

        Path file = Files.writeString(cache.resolve("not-a-directory"), "");
        Processes.Result unwritable = launch(Map.of("XDG_CACHE_HOME", file.toString()), "vercmp", "1", "2");
        assertEquals(0, unwritable.exitCode(), unwritable.stderr());
        assertEquals("-1\n", unwritable.stdout());
    }

    @Test
    void theFirstRunPassesStdinAndTerminationOnToJava() throws Exception {
        Path input = Files.writeString(cache.resolve("pairs.tsv"), "1.0\t1.1\n2:1\t1:9\n");
        HashMap<String, String> env = new HashMap<>(Map.of(
                "PREFLIGHT_JAR", Processes.jar().toString(), "JAVA_HOME", System.getProperty("java.home"),
                "XDG_CACHE_HOME", cache.toString()));
        Processes.Result batch = Processes.run(List.of("packaging/preflight", "vercmp", "--batch"), input, env);
        assertEquals("-1\n1\n", batch.stdout(), batch.stderr());
        assertEquals(List.of(), archivesMatching(".jsa."), "no partial archive left");

        // A first run (no archive yet in a new cache) that waits on stdin, ended by SIGTERM as a session ends it.
        ProcessBuilder pb = new ProcessBuilder("packaging/preflight", "vercmp", "--batch").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.environment().put("XDG_CACHE_HOME", cache.resolve("other").toString());
        Process launcher = pb.start();
        // The first run keeps the shell and runs java under it: wait until java itself runs there.
        Awaitility.await("java under the launcher").atMost(Duration.ofSeconds(10))
                .until(() -> launcher.descendants().anyMatch(c -> c.info().command().orElse("").endsWith("/java")));
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS));
        for (ProcessHandle child : children) {
            assertTrue(child.onExit().get(20, TimeUnit.SECONDS) != null);
            assertTrue(!child.isAlive(), "java ended with its launcher");
        }
    }

    private List<Path> archivesMatching(String part) throws IOException {
        return archives().stream().filter(p -> p.getFileName().toString().contains(part)).toList();
    }
}
