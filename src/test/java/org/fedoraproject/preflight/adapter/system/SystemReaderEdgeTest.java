package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roots that are not whole: every missing part is said, and nothing is written. */
class SystemReaderEdgeTest {

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @TempDir
    Path root;

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    private SystemSnapshot read(Path dir) {
        return new SystemReader(Target.of(dir), EXECUTOR, Clock.systemUTC()).read();
    }

    private static String reason(Reading<?> r) {
        assertTrue(r instanceof Reading.Unavailable, "expected unavailable: " + r);
        return ((Reading.Unavailable<?>) r).message();
    }

    @Test
    void anEmptyRootSaysWhatIsMissingAndStaysEmpty() throws Exception {
        Tools.require("rpm");
        SystemSnapshot s = read(root);
        assertTrue(reason(s.os()).contains("os-release: missing"));
        assertTrue(reason(s.manager()).contains("neither rpm-ostree, dnf5 nor dnf4"));
        assertTrue(reason(s.installed()).contains("no rpm database"), reason(s.installed()));
        assertTrue(reason(s.pending()).contains("neither rpm-ostree"));
        assertEquals(4, s.problems().size());
        try (var files = Files.list(root)) {
            assertEquals(List.of(), files.toList(), "Preflight wrote nothing into the root");
        }
    }

    @Test
    void anotherDistributionIsReadAsNotFedora() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=12\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        SystemSnapshot s = read(root);
        assertFalse(s.os().get().orElseThrow().isFedora());
    }

    @Test
    void withoutCachedMetadataDnfSaysSoAndTheRestStands() throws Exception {
        Tools.require("dnf");
        Path copy = root.resolve("dnf4");
        Processes.Result cp = Processes.run(List.of("cp", "-a", TestRoots.dnf4Root().toString(), copy.toString()), null, Map.of());
        assertEquals(0, cp.exitCode(), cp.stderr());
        Processes.run(List.of("rm", "-rf", copy.resolve("var/cache/dnf").toString()), null, Map.of());
        SystemSnapshot s = read(copy);
        String reason = reason(s.pending());
        assertTrue(reason.startsWith("dnf4 check-update: "), reason);
        assertTrue(reason.toLowerCase().contains("cache"), reason);
        assertEquals(14, s.installed().get().orElseThrow().size());
        assertEquals(6, s.history().transactions().size());
        assertFalse(Files.exists(copy.resolve("var/cache/dnf/fedora.solv")), "nothing was downloaded or cached");
    }
}
