package org.fedoraproject.preflight.system;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * dnf5's {@code usr/lib/sysimage/libdnf5/transaction_history.sqlite}. Actions, reasons and
 * states are rows of lookup tables, joined by name as dnf5 itself does.
 */
public final class Dnf5HistoryDatabase extends HistoryDatabase {

    public static final String PATH = "usr/lib/sysimage/libdnf5/transaction_history.sqlite";

    public Dnf5HistoryDatabase(Path file) {
        super(file, HistorySource.DNF5);
    }

    @Override
    protected String itemsQuery() {
        return """
                SELECT ti.trans_id, ti.id, a.name, rs.name, r.repoid, n.name, i.epoch, i.version, i.release, ar.name
                FROM trans_item ti
                JOIN rpm i ON i.item_id = ti.item_id
                LEFT JOIN repo r ON r.id = ti.repo_id
                LEFT JOIN trans_item_action a ON a.id = ti.action_id
                LEFT JOIN trans_item_reason rs ON rs.id = ti.reason_id
                LEFT JOIN pkg_name n ON n.id = i.name_id
                LEFT JOIN arch ar ON ar.id = i.arch_id
                ORDER BY ti.trans_id, ti.id""";
    }

    @Override
    protected RecordedItem item(ResultSet row) throws SQLException {
        String action = String.valueOf(row.getString(3));
        Nevra nevra = new Nevra(row.getString(6), new Evr(row.getLong(7), row.getString(8), row.getString(9)), row.getString(10));
        boolean leaving = action.equals("Replaced");
        return new RecordedItem(row.getLong(2), nevra, leaving ? PackageAction.REPLACED : action(action), leaving,
                OptionalLong.empty(), reason(row.getString(4)), String.valueOf(row.getString(5)));
    }

    @Override
    protected String transactionsQuery() {
        return """
                SELECT t.id, t.dt_begin, t.dt_end, t.releasever, t.user_id, t.description, s.name
                FROM trans t LEFT JOIN trans_state s ON s.id = t.state_id""";
    }

    @Override
    protected Transaction transaction(ResultSet row, List<TransactionItem> items) throws SQLException {
        long end = row.getLong(3);
        return new Transaction(HistorySource.DNF5, row.getLong(1), Instant.ofEpochSecond(row.getLong(2)),
                row.wasNull() || end == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(end)),
                row.getLong(5), String.valueOf(row.getString(6)), state(row.getString(7)),
                String.valueOf(row.getString(4)), items);
    }

    static PackageAction action(String name) {
        return switch (name) {
            case "Install" -> PackageAction.INSTALL;
            case "Upgrade" -> PackageAction.UPGRADE;
            case "Downgrade" -> PackageAction.DOWNGRADE;
            case "Reinstall" -> PackageAction.REINSTALL;
            case "Remove" -> PackageAction.REMOVE;
            case "Reason Change" -> PackageAction.REASON_CHANGE;
            default -> throw new IllegalArgumentException("unknown dnf5 action \"" + name + "\"");
        };
    }

    /** "Weak Dependency" → "weak-dependency", as the JSON of {@code preflight history} writes reasons. */
    static String reason(String name) {
        return name == null ? "unknown" : name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    static String state(String name) {
        return name == null ? "unknown" : name.toLowerCase(Locale.ROOT);
    }
}
