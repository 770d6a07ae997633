package org.fedoraproject.preflight.adapter.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Items refer to package names, arches, repositories, actions and reasons by id; those small
     * tables are read once into maps rather than joined on every row, which halves the time for
     * a long history and shares one String per name.
     */
    @Override
    protected String itemsQuery(String transactions) {
        return """
                SELECT ti.trans_id, ti.id, ti.action_id, ti.reason_id, ti.repo_id, i.name_id, i.epoch, i.version, i.release, i.arch_id
                FROM trans_item ti JOIN rpm i ON i.item_id = ti.item_id
                """ + (transactions == null ? "" : "WHERE ti.trans_id IN (" + transactions + ")\n") + "ORDER BY ti.trans_id, ti.id";
    }

    @Override
    protected String transactionsNaming(String placeholders) {
        return "SELECT x.trans_id FROM trans_item x JOIN rpm y ON y.item_id = x.item_id"
                + " JOIN pkg_name z ON z.id = y.name_id WHERE z.name IN (" + placeholders + ")";
    }

    @Override
    protected RowReader<RecordedItem> itemReader(Connection db) throws SQLException {
        Map<Long, String> actions = lookup(db, "SELECT id, name FROM trans_item_action");
        Map<Long, String> reasons = lookup(db, "SELECT id, name FROM trans_item_reason");
        Map<Long, String> repos = lookup(db, "SELECT id, repoid FROM repo");
        Map<Long, String> names = lookup(db, "SELECT id, name FROM pkg_name");
        Map<Long, String> arches = lookup(db, "SELECT id, name FROM arch");
        Map<String, String> reasonIds = new HashMap<>();
        return row -> {
            String action = String.valueOf(actions.get(row.getLong(3)));
            Nevra nevra = new Nevra(names.get(row.getLong(6)), new Evr(row.getLong(7), row.getString(8), row.getString(9)),
                    arches.get(row.getLong(10)));
            boolean leaving = action.equals("Replaced");
            String reason = reasonIds.computeIfAbsent(String.valueOf(reasons.get(row.getLong(4))), Dnf5HistoryDatabase::reason);
            return new RecordedItem(row.getLong(2), nevra, leaving ? PackageAction.REPLACED : action(action), leaving,
                    OptionalLong.empty(), reason, String.valueOf(repos.get(row.getLong(5))));
        };
    }

    @Override
    protected String transactionsQuery(String transactions) {
        return """
                SELECT t.id, t.dt_begin, t.dt_end, t.releasever, t.user_id, t.description, s.name
                FROM trans t LEFT JOIN trans_state s ON s.id = t.state_id"""
                + (transactions == null ? "" : " WHERE t.id IN (" + transactions + ")");
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
        return name.equals("null") ? "unknown" : name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    static String state(String name) {
        return name == null ? "unknown" : name.toLowerCase(Locale.ROOT);
    }
}
