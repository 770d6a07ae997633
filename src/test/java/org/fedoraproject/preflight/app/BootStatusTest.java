package org.fedoraproject.preflight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.health.HealthReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** greenboot's verdict as an Atomic desktop writes it, read from the root and judged. */
class BootStatusTest {

    @TempDir
    Path root;

    private Optional<String> read() {
        return new Inspection(new Targets(Map.of()), Runnable::run, Clock.systemUTC()).bootStatus(Optional.of(root));
    }

    private static HealthService.Result result(Optional<String> status) {
        return new HealthService.Result(new HealthReport(30, List.of(), List.of(), List.of(), Evidence.NONE), List.of(), status, List.of());
    }

    @Test
    void aRedBootOrAFallbackIsAFailedBootAndGreenIsNot() throws Exception {
        assertEquals(Optional.empty(), read(), "no greenboot: nothing said");
        Path motd = Files.createDirectories(root.resolve("etc/motd.d"));
        Files.writeString(motd.resolve("boot-status"), "Boot Status is RED - Health Check FAILURE!\n\u001b[31mFALLBACK BOOT DETECTED!\n");
        Optional<String> red = read();
        assertTrue(red.orElseThrow().startsWith("Boot Status is RED"), red.toString());
        assertFalse(red.orElseThrow().contains("\u001b"), "terminal controls are cleaned");
        assertTrue(result(red).bootFailed());
        Files.writeString(motd.resolve("boot-status"), "Boot Status is GREEN - Health Check SUCCESS\n");
        assertFalse(result(read()).bootFailed());
    }
}
