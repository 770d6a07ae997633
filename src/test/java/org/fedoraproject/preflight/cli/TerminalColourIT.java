package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preflight check} on a real pseudo-terminal (util-linux's script), piped, and with NO_COLOR. */
class TerminalColourIT {

    @TempDir
    Path home;

    private Processes.Result onATerminal(Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = java + " -jar " + Processes.jar() + " check --demo";
        return Processes.run(List.of(Tools.require("script").toString(), "-qec", command, "/dev/null"), null, env);
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("c").toString(),
                "XDG_CACHE_HOME", home.resolve("k").toString(), "TERM", "xterm-256color", "NO_COLOR", ""));
        for (int k = 0; k < more.length; k += 2) {
            env.put(more[k], more[k + 1]);
        }
        return env;
    }

    @Test
    void theHeadlineIsRedForHoldOnATerminalOnly() {
        Processes.Result tty = onATerminal(env());
        assertEquals(2, tty.exitCode(), tty.stdout());
        String first = tty.stdout().lines().findFirst().orElse("");
        assertTrue(first.startsWith("\u001b[1;31mHOLD") && first.contains("\u001b[0m"), first);
        assertEquals(1, tty.stdout().split("\u001b", -1).length - 2, "the headline's colour and its reset, nothing else: " + tty.stdout());

        Processes.Result piped = Processes.preflight(null, "check", "--demo");
        assertEquals(2, piped.exitCode());
        assertFalse(piped.stdout().contains("\u001b"), "no escape in piped output");

        Processes.Result noColor = onATerminal(env("NO_COLOR", "1"));
        assertTrue(noColor.stdout().startsWith("HOLD"), noColor.stdout());
        assertFalse(noColor.stdout().contains("\u001b"), "NO_COLOR: " + noColor.stdout());
        Processes.Result dumb = onATerminal(env("TERM", "dumb"));
        assertFalse(dumb.stdout().contains("\u001b"), "a dumb terminal: " + dumb.stdout());
    }
}
