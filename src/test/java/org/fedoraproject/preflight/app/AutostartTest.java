package org.fedoraproject.preflight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
