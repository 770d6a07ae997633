package org.fedoraproject.preflight.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * {@code check --json}'s "packagekit": what GNOME Software's PackageKit offers and prepared, how
 * it differs from dnf's cache, the prepared offline update with each package's verdict, the
 * prepared release upgrade and the last offline update's result.
 */
final class PackageKitJson {

    private PackageKitJson() {
    }

    static void add(JsonObject root, CheckReport report) {
        PackageKitView pk = report.packageKit();
        JsonObject o = new JsonObject();
        o.addProperty("checked", pk.updates().isPresent());
        o.addProperty("via", pk.via());
        o.add("only_packagekit", nevras(report.updateSets().onlyPackageKit()));
        o.add("only_dnf", nevras(report.updateSets().onlyDnf()));
        Map<Nevra, String> verdicts = report.assessment().updates().stream().collect(Collectors.toMap(u -> u.update().nevra(),
                (UpdateAssessment u) -> u.verdict().checked() ? u.verdict().id() : "unknown", (a, b) -> a));
        JsonArray prepared = new JsonArray();
        for (Nevra n : pk.prepared()) {
            JsonObject p = new JsonObject();
            p.addProperty("name", n.name());
            p.addProperty("arch", n.arch());
            p.addProperty("version", n.evr().toString());
            p.addProperty("verdict", verdicts.getOrDefault(n, "unknown"));
            prepared.add(p);
        }
        o.add("prepared", prepared);
        o.addProperty("triggered", pk.triggered());
        o.add("prepared_held", nevras(report.preparedHeld()));
        JsonArray cancel = new JsonArray();
        if (!report.preparedHeld().isEmpty()) {
            report.cancelPrepared().forEach(cancel::add);
        }
        o.add("cancel_command", cancel);
        CheckJson.text(o, "prepared_upgrade", pk.preparedUpgrade());
        if (pk.lastOffline().isPresent()) {
            JsonObject last = new JsonObject();
            last.addProperty("success", pk.lastOffline().get().success());
            last.addProperty("error", pk.lastOffline().get().error());
            last.add("packages", nevras(pk.lastOffline().get().packages()));
            o.add("last_offline_update", last);
        } else {
            o.add("last_offline_update", JsonNull.INSTANCE);
        }
        root.add("packagekit", o);
    }

    private static JsonArray nevras(List<Nevra> list) {
        JsonArray a = new JsonArray();
        list.forEach(n -> a.add(n.toString()));
        return a;
    }
}
