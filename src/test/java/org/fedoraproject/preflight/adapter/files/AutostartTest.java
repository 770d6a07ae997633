package org.fedoraproject.preflight.adapter.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutostartTest {

    @TempDir
    Path config;

    @Test
    void startAtLoginWritesThePackagedEntryAndOffRemovesIt() throws Exception {
        Autostart autostart = new Autostart(config);
        autostart.apply(true);
        assertEquals(Path.of(config.toString(), "autostart", "org.fedoraproject.Preflight.desktop"), autostart.file());
        assertEquals(Files.readString(Path.of("packaging/org.fedoraproject.Preflight.autostart.desktop")),
                Files.readString(autostart.file()));
        autostart.apply(false);
        assertFalse(Files.exists(autostart.file()));
        autostart.apply(false);
    }

    /** From a jar started by hand, the entry runs that Java and that jar: no preflight command exists (#31, point 7). */
    @Test
    void aJarStartedByHandIsWhatTheEntryRuns() throws Exception {
        Autostart autostart = new Autostart(config, List.of("/usr/lib/jvm/java-17/bin/java", "-jar",
                "/home/ann/My Downloads/preflight \"$1\" 100%.jar", "--background"));
        autostart.apply(true);
        String exec = Files.readAllLines(autostart.file()).stream().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow();
        assertEquals("Exec=/usr/lib/jvm/java-17/bin/java -jar \"/home/ann/My Downloads/preflight \\\\\"\\\\$1\\\\\" 100%%.jar\" "
                + "--background", exec);
        // The real validator reads the quoting as the Desktop Entry Specification has it.
        Processes.Result valid = Processes.run(
                List.of(Tools.require("desktop-file-validate").toString(),
                        autostart.file().toString()), null, Map.of());
        assertEquals(0, valid.exitCode(), valid.stdout() + valid.stderr());
        assertEquals(List.of("preflight", "--background"), Autostart.backgroundCommand(),
                "the tests run from classes, not a jar: as an installed Preflight");
    }
}
