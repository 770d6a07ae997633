package org.fedoraproject.preflight.adapter.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fedoraproject.preflight.testing.English;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.json as broken editors and careless machines leave it: a clear message, the defaults for the rest. */
class SettingsStoreTest {

    @TempDir
    Path dir;

    private SettingsStore.Loaded load(String json) throws Exception {
        Files.writeString(dir.resolve("settings.json"), json);
        return new SettingsStore(dir).load();
    }

    @Test
    void wrongTypesAreNamedByFileAndKeyAndTheRestIsKept() throws Exception {
        SettingsStore.Loaded loaded = load("{\"bodhi\": null, \"notifications\": {}, \"feeds\": \"x\","
                + " \"common_issues\": false, \"check_interval_hours\": \"often\", \"start_at_login\": true}");
        Path file = dir.resolve("settings.json");
        assertEquals(List.of(
                file + ": feeds is not a list of feeds (\"x\"); no feed from the settings",
                file + ": check_interval_hours is not a number; using 6",
                file + ": notifications is not true or false ({}); using true",
                file + ": bodhi is not true or false (null); using true"), English.of(loaded.problems()));
        assertEquals(false, loaded.settings().commonIssues(), "the good values stay");
        assertEquals(true, loaded.settings().startAtLogin());
        assertEquals(Settings.DEFAULT.checkInterval(), loaded.settings().checkInterval());
    }

    @Test
    void notJsonOrAFifoOrADeviceGivesTheDefaultsAndSaysWhyWithoutHanging() throws Exception {
        String unquoted = English.of(load("{ bodhi: true }").problems().get(0));
        assertTrue(unquoted.contains(": not valid JSON (") && unquoted.endsWith("; using defaults"), unquoted);
        Tools.require("mkfifo");
        Files.delete(dir.resolve("settings.json"));
        assertEquals(0, Processes.run(List.of("mkfifo", dir.resolve("settings.json").toString()), null, Map.of()).exitCode());
        SettingsStore.Loaded fifo = CompletableFuture.supplyAsync(() -> new SettingsStore(dir).load()).get(10, TimeUnit.SECONDS);
        assertTrue(English.of(fifo.problems().get(0)).contains("is not a regular file (a device, FIFO or socket)"), fifo.problems().toString());
        Files.delete(dir.resolve("settings.json"));
        Files.createSymbolicLink(dir.resolve("settings.json"), Path.of("/dev/zero"));
        SettingsStore.Loaded zero = CompletableFuture.supplyAsync(() -> new SettingsStore(dir).load()).get(10, TimeUnit.SECONDS);
        assertTrue(English.of(zero.problems().get(0)).contains("is not a regular file"), zero.problems().toString());
        assertEquals(Settings.DEFAULT, zero.settings());
    }
}
