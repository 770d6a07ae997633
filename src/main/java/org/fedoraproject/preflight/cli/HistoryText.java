package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.text.Messages;

/** The readable timeline: one heading line per transaction, one line per package under it. */
final class HistoryText {

    private HistoryText() {
    }

    static void print(History history, PrintWriter out, Messages m) {
        if (history.transactions().isEmpty()) {
            out.println(m.get("history.none"));
        }
        for (Transaction t : history.transactions()) {
            out.printf("%-14s %s  %s%s%n", t.label(), m.dateTime(t.start()), t.description(),
                    t.status().equals("ok") ? "" : "  [" + t.status() + "]");
            for (TransactionItem item : t.items()) {
                String replaced = item.replaced().isEmpty() ? ""
                        : "  " + m.get("cli.history.was", item.replaced().stream().map(Object::toString).toList());
                out.printf("    %-10s %s%s%n", m.get("action." + item.action().id()), item.nevra(), replaced);
            }
        }
    }
}
