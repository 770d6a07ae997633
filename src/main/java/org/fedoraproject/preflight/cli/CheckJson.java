package org.fedoraproject.preflight.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.guide.HoldAdvice;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Evidence;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Problem;
import org.fedoraproject.preflight.text.Text;

/**
 * {@code preflight check --json}, as docs/ARCHITECTURE.md defines it. Beyond the contract: each update
 * and incident carries its {@code evidence}, incidents their {@code source}, and {@code problems}
 * says why a check is incomplete ({@code verdict} is then null).
 */
final class CheckJson {

    private CheckJson() {
    }

    /** The check, with the machine's own records (preflight health's JSON) under {@code health}. */
    static String toJson(CheckReport report, JsonElement health) {
        JsonObject root = new JsonObject();
        if (report.complete()) {
            root.addProperty("verdict", report.assessment().verdict().id());
        } else {
            root.add("verdict", JsonNull.INSTANCE);
        }
        // A verdict without some of the sources asked says only what the others tell.
        root.addProperty("complete", report.complete() && !report.partial());
        JsonArray notChecked = new JsonArray();
        for (Problem n : report.notChecked()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", n.source());
            o.addProperty("what", Messages.english().render(n.what()));
            notChecked.add(o);
        }
        root.add("not_checked", notChecked);
        root.add("system", system(report));
        JsonArray feeds = new JsonArray();
        report.feeds().forEach(f -> feeds.add(feed(f)));
        root.add("feeds", feeds);
        JsonArray updates = new JsonArray();
        report.assessment().updates().forEach(u -> updates.add(update(u)));
        root.add("updates", updates);
        JsonArray incidents = new JsonArray();
        report.assessment().incidents().forEach(i -> incidents.add(incident(i)));
        root.add("incidents", incidents);
        JsonArray holds = new JsonArray();
        for (HoldAdvice h : report.holds()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", h.name());
            o.add("open_incidents", strings(h.openIncidents()));
            o.add("resolved_incidents", strings(h.resolvedIncidents()));
            o.add("pins_affected", strings(h.pinsAffected()));
            if (h.hiddenFix().isPresent()) {
                o.addProperty("hidden_fix", h.hiddenFix().get().toString());
            } else {
                o.add("hidden_fix", JsonNull.INSTANCE);
            }
            if (h.release().isPresent()) {
                o.addProperty("release", h.release().get().display());
            } else {
                o.add("release", JsonNull.INSTANCE);
            }
            holds.add(o);
        }
        root.add("holds", holds);
        root.add("problems", english(report.cannotCheck()));
        root.add("warnings", english(report.warnings()));
        JsonObject metadata = new JsonObject();
        time(metadata, "time", report.metadataTime());
        metadata.addProperty("older_than_a_day", report.metadataTime().isEmpty() || report.oldMetadata().isPresent());
        root.add("metadata", metadata);
        JsonObject release = new JsonObject();
        report.release().ifPresent(r -> {
            release.addProperty("version", r.version());
            if (r.supportEnd().isPresent()) {
                release.addProperty("support_end", r.supportEnd().get().toString());
                release.addProperty("days_left", r.daysLeft());
            } else {
                release.add("support_end", JsonNull.INSTANCE);
                release.add("days_left", JsonNull.INSTANCE);
            }
            release.addProperty("past_end", r.pastEnd());
            release.addProperty("near_end", r.nearEnd());
            if (r.newestStable().isPresent()) {
                release.addProperty("newest_stable", r.newestStable().get());
            } else {
                release.add("newest_stable", JsonNull.INSTANCE);
            }
            release.add("ignored", strings(r.ignored()));
        });
        root.add("release", release);
        SignalsJson.add(root, report);
        PackageKitJson.add(root, report);
        root.add("health", health);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    private static JsonObject system(CheckReport report) {
        JsonObject o = new JsonObject();
        Optional<OsRelease> os = report.system().os().get();
        o.addProperty("release", os.map(OsRelease::versionId).orElse(""));
        o.addProperty("variant", os.map(OsRelease::variantId).orElse(""));
        o.addProperty("arch", report.arch());
        o.addProperty("manager", report.system().manager().get().map(m -> m.id()).orElse(""));
        return o;
    }

    private static JsonObject feed(FeedStatus f) {
        JsonObject o = new JsonObject();
        o.addProperty("url", f.url());
        time(o, "generated", f.generated());
        time(o, "fetched", f.fetched());
        o.addProperty("stale", f.stale());
        if (f.error().isPresent()) {
            o.addProperty("error", f.error().get());
        } else {
            o.add("error", JsonNull.INSTANCE);
        }
        return o;
    }

    private static JsonObject update(UpdateAssessment u) {
        JsonObject o = new JsonObject();
        o.addProperty("name", u.update().nevra().name());
        o.addProperty("arch", u.update().nevra().arch());
        if (u.from().isPresent()) {
            o.addProperty("from", u.from().get().toString());
        } else {
            o.add("from", JsonNull.INSTANCE);
        }
        o.addProperty("to", u.update().nevra().evr().toString());
        if (u.verdict().checked()) {
            o.addProperty("verdict", u.verdict().id());
        } else {
            o.add("verdict", JsonNull.INSTANCE); // not checked: never "ok"
        }
        JsonArray ids = new JsonArray();
        u.incidents().forEach(ids::add);
        o.add("incidents", ids);
        JsonArray obsoletes = new JsonArray();
        u.update().obsoletes().forEach(n -> obsoletes.add(n.toString()));
        o.add("obsoletes", obsoletes);
        o.add("evidence", strings(u.evidence()));
        return o;
    }

    private static JsonObject incident(IncidentAssessment a) {
        Incident i = a.incident().incident();
        JsonObject o = new JsonObject();
        o.addProperty("id", i.id());
        o.addProperty("title", i.title());
        o.addProperty("status", i.status().id());
        o.addProperty("severity", i.severity().id());
        o.addProperty("relation", a.relation().id());
        JsonArray packages = new JsonArray();
        i.affected().stream().map(AffectedPackage::name).distinct().forEach(packages::add);
        o.add("packages", packages);
        if (a.since().isPresent()) {
            JsonObject since = new JsonObject();
            if (a.since().get().fromHistory()) {
                since.addProperty("transaction", a.since().get().transaction());
                since.addProperty("source", a.since().get().source());
            } else {
                since.add("transaction", JsonNull.INSTANCE);
            }
            since.addProperty("date", a.since().get().date().toString());
            o.add("since", since);
        } else {
            o.add("since", JsonNull.INSTANCE);
        }
        o.addProperty("source", a.incident().source());
        o.addProperty("confidence", a.incident().confidence().id());
        JsonArray from = new JsonArray();
        for (Evidence e : a.incident().evidence()) {
            JsonObject x = new JsonObject();
            x.addProperty("kind", e.kind());
            x.addProperty("label", Messages.english().render(e.label()));
            x.addProperty("url", e.url());
            from.add(x);
        }
        o.add("derived_from", from);
        o.add("evidence", strings(a.evidence()));
        return o;
    }

    /** Sentences in English, whatever the user's locale: the JSON is for scripts. */
    static JsonArray english(List<Text> texts) {
        Messages english = Messages.english();
        return strings(texts.stream().map(english::render).toList());
    }

    /** The values as a JSON array (the JSON outputs of check and check --upgrade share these). */
    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** A time, or null when it is not known. */
    static void time(JsonObject o, String key, Optional<Instant> time) {
        text(o, key, time.map(Instant::toString));
    }

    /** A string, or null when there is none (never left out: the contract's readers expect the key). */
    static void text(JsonObject o, String key, Optional<String> value) {
        if (value.isPresent()) {
            o.addProperty(key, value.get());
        } else {
            o.add(key, JsonNull.INSTANCE);
        }
    }
}
