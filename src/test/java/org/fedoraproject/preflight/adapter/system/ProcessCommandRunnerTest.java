package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {

    private final ProcessCommandRunner runner = ProcessCommandRunner.direct();

    @Test
    void runsAnArgumentListInTheCLocaleAndKeepsTheExitStatus() throws Exception {
        CommandResult env = runner.run(List.of("env"), Duration.ofSeconds(10));
        assertEquals(0, env.exitCode());
        assertTrue(env.stdout().lines().anyMatch("LC_ALL=C"::equals), env.stdout());
        CommandResult failing = runner.run(List.of("ls", "/no/such/dir; echo injected"), Duration.ofSeconds(10));
        assertEquals(2, failing.exitCode());
        assertTrue(failing.errorLine().contains("/no/such/dir; echo injected"), "one argument, not a shell line");
        assertTrue(!failing.stdout().contains("injected"));
    }

    @Test
    void aMissingProgramIsAFailureThatSaysSo() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> runner.run(List.of("dnf5-not-installed-here", "check-upgrade"), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().startsWith("dnf5-not-installed-here is not installed or cannot be run"), e.getMessage());
        ProcessCommandRunner prefixed = new ProcessCommandRunner(List.of("env"));
        CommandFailedException viaPrefix = assertThrows(CommandFailedException.class,
                () -> prefixed.run(List.of("dnf5-not-installed-here"), Duration.ofSeconds(5)));
        assertTrue(viaPrefix.getMessage().contains("not installed"), viaPrefix.getMessage());
    }

    @Test
    void aHangingProgramIsStoppedAtItsTimeout() {
        long start = System.nanoTime();
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> runner.run(List.of("sleep", "30"), Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "returned promptly");
    }

    @Test
    void thePrefixGoesInFrontOfEveryCommand() throws Exception {
        ProcessCommandRunner prefixed = new ProcessCommandRunner(List.of("env", "PREFLIGHT_SEEN=yes"));
        assertEquals("yes\n", prefixed.run(List.of("printenv", "PREFLIGHT_SEEN"), Duration.ofSeconds(5)).stdout());
    }

    @Test
    void largeOutputOnBothStreamsDoesNotStall() throws Exception {
        CommandResult r = runner.run(List.of("sh", "-c", "seq 1 200000; seq 1 200000 >&2"), Duration.ofSeconds(20));
        assertEquals(200000, r.stdout().lines().count());
        assertEquals(200000, r.stderr().lines().count());
    }
}
