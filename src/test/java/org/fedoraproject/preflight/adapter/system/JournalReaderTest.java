package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.health.BootSpan;
import org.fedoraproject.preflight.health.Crash;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.health.Module;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.testing.English;
import org.fedoraproject.preflight.testing.JournalFixture;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's records as the real journalctl gives them, from journal files made by the real systemd-journal-remote. */
class JournalReaderTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final String B1 = "11111111111111111111111111111111";
    private static final String B2 = "22222222222222222222222222222222";

    @TempDir
    Path dir;

    @Test
    void coredumpsUnitFailuresAndBootsAreReadWithTheirPackageNotes() throws Exception {
        Path journal = new JournalFixture()
                .entry(T, B1, Map.of("MESSAGE_ID", JournalFixture.STARTUP_FINISHED), Map.of())
                .crash(T.plusSeconds(60), B1, "/usr/bin/gnome-shell", "gnome-shell", "49.1-1.fc43",
                        List.<String[]>of(new String[] {"/usr/lib64/libGL.so.1", "mesa", "25.1.4-1.fc43"}))
                .entry(T.plusSeconds(120), B1, Map.of("MESSAGE_ID", JournalFixture.UNIT_FAILED, "UNIT", "foo.service",
                        "UNIT_RESULT", "exit-code"), Map.of())
                .entry(T.plusSeconds(3600), B2, Map.of("MESSAGE", "a boot that never finished starting"), Map.of())
                .entry(T.plusSeconds(3700), B2, Map.of("MESSAGE", "its last words"), Map.of())
                .writeTo(dir.resolve("journal"));

        Reading<Evidence> read = JournalReader.ofDirectory(ProcessCommandRunner.direct(), journal).read(T.minusSeconds(3600));

        Evidence e = read.get().orElseThrow();
        assertEquals(Evidence.Scope.SYSTEM, e.scope());
        assertEquals(List.of(new Crash(T.plusSeconds(60), "/usr/bin/gnome-shell", Optional.of(new Module("gnome-shell", "49.1-1.fc43")),
                List.of(new Module("gnome-shell", "49.1-1.fc43"), new Module("mesa", "25.1.4-1.fc43")), "", 11, B1)), e.crashes());
        assertEquals("foo.service", e.failures().get(0).unit());
        assertEquals(List.of(new BootSpan(B1, T, T.plusSeconds(120), true), new BootSpan(B2, T.plusSeconds(3600), T.plusSeconds(3700),
                false)), e.boots());
    }

    @Test
    void garbageInTheJournalIsSkippedOrCleanedNeverACrashOfTheReader() throws Exception {
        byte[] notUtf8 = {'/', 'b', 'i', 'n', '/', (byte) 0xff, 0x1b, '[', '3', '1', 'm', 'x'};
        Path journal = new JournalFixture()
                .entry(T, B1, Map.of("MESSAGE_ID", JournalFixture.COREDUMP, "COREDUMP_PACKAGE_JSON", "{not json",
                        "COREDUMP_SIGNAL", "eleven"), Map.of("COREDUMP_EXE", notUtf8))
                .entry(T.plusSeconds(1), B1, Map.of("MESSAGE_ID", JournalFixture.COREDUMP, "COREDUMP_PACKAGE_JSON",
                        "[1,2,3]", "COREDUMP_EXE", "/usr/bin/ok\u202e"), Map.of())
                .writeTo(dir.resolve("journal"));

        Evidence e = JournalReader.ofDirectory(ProcessCommandRunner.direct(), journal).read(T.minusSeconds(60)).get().orElseThrow();

        assertEquals(2, e.crashes().size());
        Crash binary = e.crashes().get(0);
        assertFalse(binary.executable().contains("\u001b"), binary.executable());
        assertEquals(List.of(), binary.modules());
        assertEquals(0, binary.signal());
        assertFalse(e.crashes().get(1).executable().contains("\u202e"), "bidi controls are cleaned");
    }

    @Test
    void aJournalThatCannotBeReadIsSaidNotFailed() throws Exception {
        Path missing = dir.resolve("no-journal");
        Files.createDirectories(missing);
        Files.writeString(missing.resolve("system.journal"), "not a journal", StandardCharsets.UTF_8);
        Reading<Evidence> read = JournalReader.ofDirectory(ProcessCommandRunner.direct(), missing).read(T);
        // journalctl skips a file it cannot parse: no records, or an error it names; never an exception.
        assertTrue(read.get().map(e -> e.crashes().isEmpty()).orElse(true), String.valueOf(read));
    }

    /** The real journalctl, run as another user (nobody) on root's journal files: said, in a person's words, never a crash. */
    @Test
    void journalFilesAnotherUserMayNotReadAreSaidAsSuch() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            Tools.missing("running journalctl as another user needs root (CI runs as root)");
        }
        Tools.require("runuser");
        Path journal = new JournalFixture().crash(T, B1, "/usr/bin/gnome-shell", "gnome-shell", "49.1-1.fc43", List.of())
                .writeTo(dir.resolve("journal"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rwxr-xr-x"));
        Reading<Evidence> read = JournalReader.ofDirectory(new ProcessCommandRunner(List.of("runuser", "-u", "nobody", "--")), journal)
                .read(T.minusSeconds(60));
        assertTrue(read instanceof Reading.Unavailable<Evidence> u && English.of(u.reason()).startsWith("this user may not read these journal files"),
                String.valueOf(read));
    }

    @Test
    void aUserWhoSeesOnlyTheirOwnJournalIsTold() {
        CommandRunner asUser = (command, timeout) -> new CommandResult(command, 0, "", "Hint: You are currently not seeing messages "
                + "from other users and the system.\n      Users in groups 'adm', 'systemd-journal', 'wheel' can see all messages.");
        assertEquals(Evidence.Scope.OWN, JournalReader.ofSystem(asUser).read(T).get().orElseThrow().scope());
    }
}
