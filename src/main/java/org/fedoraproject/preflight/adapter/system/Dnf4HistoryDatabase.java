package org.fedoraproject.preflight.adapter.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.RecordedItem;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * dnf4's {@code var/lib/dnf/history.sqlite} (libdnf's "swdb"): actions and reasons are stored as
 * numbers, and {@code item_replaced_by} links a replaced package to the one that replaced it.
 */
public final class Dnf4HistoryDatabase extends HistoryDatabase {

    public static final String PATH = "var/lib/dnf/history.sqlite";

    private static final String[] REASONS = {"unknown", "dependency", "user", "clean", "weak-dependency", "group"};

    public Dnf4HistoryDatabase(Path file) {
        super(file, HistorySource.DNF4);
    }

    @Override
    protected String itemsQuery(String transactions) {
        return """
                SELECT ti.trans_id, ti.id, ti.action, ti.reason, r.repoid, i.name, i.epoch, i.version, i.release, i.arch,
                       (SELECT MIN(b.by_trans_item_id) FROM item_replaced_by b WHERE b.trans_item_id = ti.id)
                FROM trans_item ti
                JOIN rpm i ON i.item_id = ti.item_id
                LEFT JOIN repo r ON r.id = ti.repo_id
                """ + (transactions == null ? "" : "WHERE ti.trans_id IN (" + transactions + ")\n") + "ORDER BY ti.trans_id, ti.id";
    }

    @Override
    protected String transactionsNaming(String placeholders) {
        return "SELECT x.trans_id FROM trans_item x JOIN rpm y ON y.item_id = x.item_id WHERE y.name IN (" + placeholders + ")";
    }

    @Override
    protected RowReader<RecordedItem> itemReader(Connection db) {
        return Dnf4HistoryDatabase::item;
    }

    private static RecordedItem item(ResultSet row) throws SQLException {
        int action = row.getInt(3);
        int reason = row.getInt(4);
        Nevra nevra = new Nevra(row.getString(6), new Evr(row.getLong(7), row.getString(8), row.getString(9)), row.getString(10));
        long by = row.getLong(11);
        OptionalLong replacedBy = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(by);
        boolean leaving = action == 3 || action == 5 || action == 7 || action == 10;
        return new RecordedItem(row.getLong(2), nevra, leaving ? PackageAction.REPLACED : action(action), leaving,
                replacedBy, reason >= 0 && reason < REASONS.length ? REASONS[reason] : "unknown",
                String.valueOf(row.getString(5)));
    }

    @Override
    protected String transactionsQuery(String transactions) {
        return "SELECT id, dt_begin, dt_end, releasever, user_id, cmdline, state FROM trans"
                + (transactions == null ? "" : " WHERE id IN (" + transactions + ")");
    }

    @Override
    protected Transaction transaction(ResultSet row, List<TransactionItem> items) throws SQLException {
        long end = row.getLong(3);
        boolean noEnd = row.wasNull() || end == 0;
        int state = row.getInt(7);
        return new Transaction(HistorySource.DNF4, row.getLong(1), Instant.ofEpochSecond(row.getLong(2)),
                noEnd ? Optional.empty() : Optional.of(Instant.ofEpochSecond(end)), row.getLong(5),
                "dnf " + String.valueOf(row.getString(6)), state == 1 ? "ok" : state == 2 ? "error" : "unknown",
                String.valueOf(row.getString(4)), items);
    }

    static PackageAction action(int code) {
        return switch (code) {
            case 1 -> PackageAction.INSTALL;
            case 2 -> PackageAction.DOWNGRADE;
            case 4 -> PackageAction.OBSOLETE;
            case 6 -> PackageAction.UPGRADE;
            case 8 -> PackageAction.REMOVE;
            case 9 -> PackageAction.REINSTALL;
            case 11 -> PackageAction.REASON_CHANGE;
            default -> throw new IllegalArgumentException("unknown dnf4 action " + code);
        };
    }
}
