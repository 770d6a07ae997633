package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.ItemPairing;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.RecordedItem;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.text.Text;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * A dnf history database (SQLite), read strictly read-only: as an ordinary user, in WAL mode,
 * and while dnf holds it open. Two queries read it whole (transactions, then all their items),
 * so 5,000 transactions cost two statements, not 5,001.
 */
public abstract class HistoryDatabase {

    /** How long to wait for a lock that dnf holds before saying the database is busy. */
    static final int BUSY_TIMEOUT_MS = 3000;
    /** A history of many thousands of transactions is a few tens of MB; anything far larger is not one. */
    static final long MAX_SIZE = 2L << 30;

    private final Path file;
    private final HistorySource source;

    protected HistoryDatabase(Path file, HistorySource source) {
        this.file = file;
        this.source = source;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public Reading<List<Transaction>> read() {
        return read(Optional.empty());
    }

    /** Only the transactions in which a package of one of these names took part. */
    public Reading<List<Transaction>> readInvolving(Set<String> names) {
        return read(Optional.of(new ArrayList<>(names)));
    }

    private Reading<List<Transaction>> read(Optional<List<String>> names) {
        String where = source.id() + " history " + file;
        if (!Files.exists(file)) {
            return Reading.unavailable(where, Text.of("reading.missing"));
        }
        if (!Files.isRegularFile(file)) {
            return Reading.unavailable(where, Text.of("reading.notRegular"));
        }
        if (!Files.isReadable(file)) {
            return Reading.unavailable(where, Text.of("reading.notReadable"));
        }
        Path copy = null;
        try {
            copy = Files.createTempDirectory("preflight-history-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path snapshot = snapshot(copy);
            try (Connection db = open(snapshot)) {
                return Reading.of(read(db, names));
            }
        } catch (SQLException e) {
            return Reading.unavailable(where, describe(e));
        } catch (UnexpectedOutputException e) {
            return Reading.unavailable(where, e.getMessage());
        } catch (LockedException e) {
            return Reading.unavailable(where, Text.of("reading.locked"));
        } catch (IOException e) {
            return Reading.unavailable(where, e.getMessage());
        } finally {
            deleteTree(copy);
        }
    }

    private static final String LOCKED = "locked by another program (is dnf running?); try again when it has finished";

    /** A writer is under way in rollback mode. */
    private static final class LockedException extends IOException {
        LockedException() {
            super(LOCKED);
        }
    }

    /**
     * A copy of the database and its write-ahead log in a private directory, taken so that it
     * holds every committed transaction: SQLite then reads the copy, and nothing is written
     * beside the original (no -wal or -shm made or changed, as any reader in WAL mode would, and
     * no read-only directory to refuse it). Taken again when dnf changed the files meanwhile.
     */
    private Path snapshot(Path dir) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        Path journal = file.resolveSibling(file.getFileName() + "-journal");
        Path target = dir.resolve("history.sqlite");
        for (int attempt = 0; attempt < 5; attempt++) {
            // In rollback mode, a journal beside the file means a write is under way (or was cut
            // short): the file's pages may be half new, so a copy is not taken.
            if (Files.isRegularFile(journal) && Files.size(journal) > 0) {
                throw new LockedException();
            }
            String before = stamp(file) + stamp(wal);
            copy(file, target);
            Files.deleteIfExists(dir.resolve("history.sqlite-wal"));
            if (Files.isRegularFile(wal)) {
                copy(wal, dir.resolve("history.sqlite-wal"));
            }
            if (before.equals(stamp(file) + stamp(wal))) {
                return target;
            }
        }
        throw new IOException("changed while it was read (dnf is writing it); try again when dnf has finished");
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from) || Files.size(from) > MAX_SIZE) {
            throw new IOException(from.getFileName() + " is not a regular file of a database's size");
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + a.fileKey() + ";";
        } catch (IOException e) {
            return "none;";
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a private temporary directory left behind
        }
    }

    private List<Transaction> read(Connection db, Optional<List<String>> names) throws SQLException, UnexpectedOutputException {
        checkSchema(db);
        Map<Long, List<RecordedItem>> items = new LinkedHashMap<>();
        RowReader<RecordedItem> itemReader = itemReader(db);
        String filter = names.map(n -> transactionsNaming(String.join(",", Collections.nCopies(n.size(), "?"))))
                .orElse(null);
        try (PreparedStatement statement = db.prepareStatement(itemsQuery(filter));
             ResultSet rows = bind(statement, names).executeQuery()) {
            while (rows.next()) {
                long transaction = rows.getLong(1);
                try {
                    items.computeIfAbsent(transaction, t -> new ArrayList<>()).add(itemReader.read(rows));
                } catch (IllegalArgumentException | NullPointerException e) {
                    // A row no dnf could have written: a bad version, an unknown action, a missing name.
                    throw new UnexpectedOutputException("transaction " + transaction + ": " + e.getMessage());
                }
            }
        }
        List<Transaction> transactions = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(transactionsQuery(filter));
             ResultSet rows = bind(statement, names).executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                transactions.add(transaction(rows, ItemPairing.pair(items.getOrDefault(id, List.of()))));
            }
        }
        return transactions;
    }

    private void checkSchema(Connection db) throws SQLException, UnexpectedOutputException {
        String version;
        try (PreparedStatement statement = db.prepareStatement("SELECT value FROM config WHERE key = 'version'");
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new UnexpectedOutputException("no schema version in its config table");
            }
            version = rows.getString(1);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                throw new UnexpectedOutputException("not a dnf history database (no config table)");
            }
            throw e;
        }
        if (!version.startsWith("1.")) {
            throw new UnexpectedOutputException("schema version " + version + " is newer than Preflight knows (1.x)");
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Optional<List<String>> names) throws SQLException {
        if (names.isPresent()) {
            for (int k = 0; k < names.get().size(); k++) {
                statement.setString(k + 1, names.get().get(k));
            }
        }
        return statement;
    }

    /**
     * Rows: transaction id first, then what the {@link #itemReader} reads. Ordered by transaction,
     * then item. {@code transactions} (may be null: all) is a subquery of transaction ids.
     */
    protected abstract String itemsQuery(String transactions);

    /** A subquery of the ids of transactions that involve a package named in {@code placeholders} ("?,?,?"). */
    protected abstract String transactionsNaming(String placeholders);

    /** Reads one row of {@link #itemsQuery}; may first load small lookup tables from the database. */
    protected abstract RowReader<RecordedItem> itemReader(Connection db) throws SQLException;

    /** Turns the current row of a result set into a value. */
    @FunctionalInterface
    protected interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A whole two-column table ({@code id, name}) as a map, for the lookup tables dnf5 keeps. */
    static Map<Long, String> lookup(Connection db, String query) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getLong(1), rows.getString(2));
            }
        }
        return names;
    }

    /** Rows: transaction id first, then what {@link #transaction} reads; {@code transactions} as above. */
    protected abstract String transactionsQuery(String transactions);

    protected abstract Transaction transaction(ResultSet row, List<TransactionItem> items)
            throws SQLException;

    static Connection open(Path file) throws SQLException {
        SqliteNative.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        // A URI: '%', '?' and '#' in the path would be read as escapes, query and fragment.
        String path = file.toAbsolutePath().toString().replace("%", "%25").replace("?", "%3F").replace("#", "%23");
        String uri = "jdbc:sqlite:file:" + path + "?mode=ro";
        return config.createConnection(uri);
    }

    static String describe(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            switch (sqlite.getResultCode()) {
                case SQLITE_BUSY, SQLITE_LOCKED:
                    return LOCKED;
                case SQLITE_NOTADB, SQLITE_CORRUPT:
                    return "damaged: not a readable SQLite database";
                case SQLITE_CANTOPEN:
                    return "cannot be opened read-only";
                default:
                    break;
            }
        }
        return "cannot be read (" + e.getMessage() + ")";
    }
}
