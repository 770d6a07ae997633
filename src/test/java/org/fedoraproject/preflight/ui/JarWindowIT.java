package org.fedoraproject.preflight.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;

/** {@code java -jar target/preflight.jar} with no arguments opens the window, with nothing else installed. */
class JarWindowIT {

    @Test
    void theJarOpensAWindowTitledPreflight() throws Exception {
        Tools.requireDisplay();
        Path xwininfo = Tools.require("xwininfo");
        Process app = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Processes.jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Awaitility.await("a window titled Preflight").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> !app.isAlive()
                            || Processes.run(List.of(xwininfo.toString(), "-root", "-tree"), null, Map.of()).stdout().contains("\"Preflight\""));
            assertTrue(app.isAlive(), "the application is still running");
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
