package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsReleaseReaderTest {

    @TempDir
    Path root;

    @Test
    void prefersEtcAndFallsBackToUsrLib() throws Exception {
        Files.createDirectories(root.resolve("usr/lib"));
        Files.writeString(root.resolve("usr/lib/os-release"), "ID=fedora\nVERSION_ID=42\n");
        assertEquals("42", new OsReleaseReader(root).read().get().orElseThrow().versionId());
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=fedora\nVERSION_ID=43\n");
        assertEquals("43", new OsReleaseReader(root).read().get().orElseThrow().versionId());
    }

    @Test
    void aMissingFileIsUnavailableWithTheReason() {
        Reading<OsRelease> r = new OsReleaseReader(root).read();
        assertTrue(r instanceof Reading.Unavailable<OsRelease> u && u.message().contains("missing"), r.toString());
    }

    @Test
    void anUnreadableFileIsUnavailableWithTheReason() throws Exception {
        Files.createDirectories(root.resolve("etc/os-release"));
        Reading<OsRelease> r = new OsReleaseReader(root).read();
        assertTrue(r instanceof Reading.Unavailable<OsRelease> u && u.message().contains("cannot be read"), r.toString());
    }
}
