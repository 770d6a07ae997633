package org.fedoraproject.preflight.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.text.Messages;

/**
 * {@code preflight history --json}:
 * <pre>
 * {"transactions": [{"source": "dnf5", "id": 6, "start": "2026-11-25T19:27:08Z", "end": ..., "user": 0,
 *                    "status": "ok", "releasever": "43", "description": "dnf5 install pipewire-pulseaudio",
 *                    "packages": [{"nevra": "...", "action": "install", "reason": "user",
 *                                  "repository": "updates", "replaced": ["..."]}]}],
 *  "problems": [{"source": "...", "reason": "..."}]}
 * </pre>
 * NEVRAs are written with the epoch when it is not 0, as rpm does.
 */
final class HistoryJson {

    private HistoryJson() {
    }

    static String toJson(History history) {
        JsonObject root = new JsonObject();
        JsonArray transactions = new JsonArray();
        for (Transaction t : history.transactions()) {
            transactions.add(transaction(t));
        }
        root.add("transactions", transactions);
        root.add("problems", problems(history));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    static JsonArray problems(History history) {
        JsonArray problems = new JsonArray();
        for (Reading.Unavailable<?> p : history.problems()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", p.source());
            o.addProperty("reason", Messages.english().render(p.reason()));
            problems.add(o);
        }
        return problems;
    }

    static JsonObject transaction(Transaction t) {
        JsonObject o = new JsonObject();
        o.addProperty("source", t.source().id());
        o.addProperty("id", t.id());
        o.addProperty("start", t.start().toString());
        if (t.end().isPresent()) {
            o.addProperty("end", t.end().get().toString());
        } else {
            o.add("end", JsonNull.INSTANCE);
        }
        o.addProperty("user", t.userId());
        o.addProperty("status", t.status());
        o.addProperty("releasever", t.releasever());
        o.addProperty("description", t.description());
        JsonArray packages = new JsonArray();
        for (TransactionItem item : t.items()) {
            JsonObject p = new JsonObject();
            p.addProperty("nevra", item.nevra().toString());
            p.addProperty("action", item.action().id());
            p.addProperty("reason", item.reason());
            p.addProperty("repository", item.repository());
            JsonArray replaced = new JsonArray();
            for (Nevra n : item.replaced()) {
                replaced.add(n.toString());
            }
            p.add("replaced", replaced);
            packages.add(p);
        }
        o.add("packages", packages);
        return o;
    }
}
