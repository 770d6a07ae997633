package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.testing.Processes;
import org.junit.jupiter.api.Test;

/** packaging/preflight, the `preflight` command as packages install it, runs the jar it is pointed at. */
class LauncherIT {

    @Test
    void theLauncherRunsTheJarWithItsArguments() {
        Processes.Result r = Processes.run(List.of("packaging/preflight", "vercmp", "2:1.0-1", "1:9.9-9"), null,
                Map.of("PREFLIGHT_JAR", Processes.jar().toString(), "JAVA_HOME", System.getProperty("java.home")));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("1\n", r.stdout());
        Processes.Result version = Processes.run(List.of("packaging/preflight", "--version"), null,
                Map.of("PREFLIGHT_JAR", Processes.jar().toString(), "JAVA_HOME", System.getProperty("java.home")));
        assertEquals(0, version.exitCode(), version.stderr());
        assertEquals(true, version.stdout().startsWith("Preflight "), version.stdout());
    }
}
