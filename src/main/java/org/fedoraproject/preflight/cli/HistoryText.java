package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;

/** The readable timeline: one heading line per transaction, one line per package under it. */
final class HistoryText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HistoryText() {
    }

    static void print(History history, PrintWriter out, ZoneId zone) {
        if (history.transactions().isEmpty()) {
            out.println("No transactions recorded.");
        }
        for (Transaction t : history.transactions()) {
            out.printf("%-14s %s  %s%s%n", t.label(), TIME.format(t.start().atZone(zone)), t.description(),
                    t.status().equals("ok") ? "" : "  [" + t.status() + "]");
            for (TransactionItem item : t.items()) {
                String replaced = item.replaced().isEmpty() ? ""
                        : "  (was " + item.replaced().stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
                out.printf("    %-10s %s%s%n", item.action().id(), item.nevra(), replaced);
            }
        }
    }
}
