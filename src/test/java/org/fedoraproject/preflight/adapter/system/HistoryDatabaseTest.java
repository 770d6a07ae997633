package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.testing.TestRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of the real dnf5 and dnf4 databases from the test roots, damaged and locked in the ways a machine can. */
class HistoryDatabaseTest {

    @TempDir
    Path dir;

    /** A single-file copy with everything from the source's WAL, made by SQLite itself. */
    private Path copy(String relative, Path sourceRoot, String name) throws Exception {
        Path target = dir.resolve(name);
        try (Connection db = HistoryDatabase.open(sourceRoot.resolve(relative)); Statement s = db.createStatement()) {
            s.execute("VACUUM INTO '" + target + "'");
        }
        return target;
    }

    private static Connection writable(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String reason(Reading<List<Transaction>> r) {
        assertTrue(r instanceof Reading.Unavailable, "expected a failure, got " + r);
        return ((Reading.Unavailable<List<Transaction>>) r).message();
    }

    @Test
    void readsWhileDnfHoldsAWriteTransactionOpenInWalMode() throws Exception {
        Path file = copy(Dnf5HistoryDatabase.PATH, TestRoots.dnf5Root(), "dnf5.sqlite");
        try (Connection dnf = writable(file); Statement s = dnf.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO trans (dt_begin, dt_end, rpmdb_version_begin, rpmdb_version_end, releasever, user_id,"
                    + " description, comment, state_id) VALUES (1, 1, '', '', '43', 0, 'unfinished', '', 1)");
            Reading<List<Transaction>> r = new Dnf5HistoryDatabase(file).read();
            assertEquals(6, r.get().orElseThrow().size(), "the uncommitted transaction is not seen, the rest is");
            s.execute("COMMIT");
            assertTrue(Files.exists(dir.resolve("dnf5.sqlite-wal")));
            assertEquals(7, new Dnf5HistoryDatabase(file).read().get().orElseThrow().size(), "committed in the WAL, and read");
        }
    }

    @Test
    void theNewestTransactionInAWalWithoutShmIsReadAndNothingIsWrittenBeside() throws Exception {
        Path file = copy(Dnf5HistoryDatabase.PATH, TestRoots.dnf5Root(), "dnf5.sqlite");
        // A root whose path has the characters a SQLite URI would misread.
        Path odd = Files.createDirectories(dir.resolve("root #1?%25"));
        try (Connection dnf = writable(file); Statement s = dnf.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("INSERT INTO trans (dt_begin, dt_end, rpmdb_version_begin, rpmdb_version_end, releasever, user_id,"
                    + " description, comment, state_id) VALUES (1, 1, '', '', '43', 0, 'only in the wal', '', 1)");
            // As a backup, or a copy taken while dnf ran, leaves it: the file and its -wal, no -shm.
            Files.copy(file, odd.resolve("history.sqlite"));
            Files.copy(dir.resolve("dnf5.sqlite-wal"), odd.resolve("history.sqlite-wal"));
        }
        Set<String> before = names(odd);
        Reading<List<Transaction>> r = new Dnf5HistoryDatabase(odd.resolve("history.sqlite")).read();
        assertEquals(7, r.get().orElseThrow().size(), "the committed transaction in the WAL is read: " + r);
        assertEquals(before, names(odd), "no -shm or -wal made or removed beside it");
    }

    private static Set<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void anExclusiveLockInRollbackModeSaysItIsLocked() throws Exception {
        Path file = copy(Dnf4HistoryDatabase.PATH, TestRoots.dnf4Root(), "dnf4.sqlite");
        try (Connection dnf = writable(file); Statement s = dnf.createStatement()) {
            s.execute("PRAGMA journal_mode=DELETE");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("DELETE FROM trans_item");
            String reason = reason(new Dnf4HistoryDatabase(file).read());
            assertTrue(reason.contains("locked by another program"), reason);
            s.execute("ROLLBACK");
        }
        assertEquals(6, new Dnf4HistoryDatabase(file).read().get().orElseThrow().size());
    }

    @Test
    void aNewerSchemaIsRefusedNotMisread() throws Exception {
        Path file = copy(Dnf5HistoryDatabase.PATH, TestRoots.dnf5Root(), "newer.sqlite");
        try (Connection db = writable(file); Statement s = db.createStatement()) {
            s.execute("UPDATE config SET value = '2.0' WHERE key = 'version'");
        }
        assertTrue(reason(new Dnf5HistoryDatabase(file).read()).contains("schema version 2.0 is newer than Preflight knows"));
    }

    @Test
    void aNewerMinorSchemaIsStillRead() throws Exception {
        Path file = copy(Dnf4HistoryDatabase.PATH, TestRoots.dnf4Root(), "minor.sqlite");
        try (Connection db = writable(file); Statement s = db.createStatement()) {
            s.execute("UPDATE config SET value = '1.3' WHERE key = 'version'");
            s.execute("ALTER TABLE trans ADD future TEXT DEFAULT ''");
        }
        assertEquals(6, new Dnf4HistoryDatabase(file).read().get().orElseThrow().size());
    }

    @Test
    void missingCorruptTruncatedAndForeignFilesSayWhat() throws Exception {
        assertTrue(reason(new Dnf5HistoryDatabase(dir.resolve("none.sqlite")).read()).endsWith(": missing"));

        Path corrupt = dir.resolve("corrupt.sqlite");
        Files.write(corrupt, "this is not a database, it only has the name of one".repeat(100).getBytes());
        assertTrue(reason(new Dnf5HistoryDatabase(corrupt).read()).contains("damaged"));

        Path whole = copy(Dnf5HistoryDatabase.PATH, TestRoots.dnf5Root(), "whole.sqlite");
        Path truncated = dir.resolve("truncated.sqlite");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        String reason = reason(new Dnf5HistoryDatabase(truncated).read());
        assertTrue(reason.contains("damaged") || reason.contains("cannot be read"), reason);

        Path foreign = dir.resolve("foreign.sqlite");
        try (Connection db = writable(foreign); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE notes (text TEXT)");
        }
        assertTrue(reason(new Dnf4HistoryDatabase(foreign).read()).contains("not a dnf history database"));
    }

    @Test
    void aRowNoDnfCouldWriteIsReportedWithItsTransaction() throws Exception {
        Path file = copy(Dnf4HistoryDatabase.PATH, TestRoots.dnf4Root(), "odd.sqlite");
        try (Connection db = writable(file); Statement s = db.createStatement()) {
            s.execute("UPDATE trans_item SET action = 42 WHERE trans_id = 3");
        }
        String reason = reason(new Dnf4HistoryDatabase(file).read());
        assertTrue(reason.contains("transaction 3") && reason.contains("unknown dnf4 action 42"), reason);
    }
}
