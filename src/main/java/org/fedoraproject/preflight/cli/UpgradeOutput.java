package org.fedoraproject.preflight.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import org.fedoraproject.preflight.app.UpgradeReport;
import org.fedoraproject.preflight.assess.UpgradeAssessment;
import org.fedoraproject.preflight.machine.StagedUpgrade;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Messages;

/** {@code check --upgrade}: the verdict first, then why, as text; or JSON with check's conventions. */
final class UpgradeOutput {

    private UpgradeOutput() {
    }

    static String text(UpgradeReport r, Messages m) {
        StringBuilder out = new StringBuilder();
        if (!r.complete()) {
            out.append(m.get("cli.upgrade.couldNot", r.cannotCheck().isEmpty() ? m.get("cli.upgrade.noRelease")
                    : m.render(r.cannotCheck().get(0)))).append('\n');
        }
        r.assessment().ifPresent(a -> {
            if (r.complete()) {
                out.append(m.get("cli.upgrade." + a.verdict().id(), a.target())).append('\n');
            }
            out.append('\n');
            if (!a.concerns().isEmpty()) {
                out.append(m.get("cli.upgrade.concerns", a.target())).append('\n');
                for (UpgradeAssessment.Concern c : a.concerns()) {
                    var i = c.incident().incident();
                    out.append("  ").append(i.id()).append("  ").append(m.get("severity." + i.severity().id())).append(", ")
                            .append(m.get("status." + i.status().id()))
                            .append(c.incident().derived() ? m.get("cli.upgrade.derived", c.incident().source()) : "").append('\n')
                            .append("      ").append(i.title()).append('\n')
                            .append("      ").append(m.get("cli.upgrade.names", c.packagesHere())).append('\n');
                    i.links().stream().findFirst().ifPresent(l -> out.append("      ").append(l.url()).append('\n'));
                }
                out.append('\n');
            }
            if (!a.locks().isEmpty()) {
                out.append(m.get("cli.upgrade.locks", a.locks())).append("\n\n");
            }
        });
        for (StagedUpgrade s : r.staged()) {
            out.append(m.get("cli.upgrade.staged", s.release(), s.by() + (s.status().isEmpty() ? "" : " (" + s.status() + ")"),
                    String.join(" ", s.cancel()))).append('\n');
        }
        if (!r.commonIssues().isEmpty()) {
            out.append(m.get("cli.upgrade.commonIssues", r.commonIssues().size())).append('\n');
            r.commonIssues().forEach(i -> out.append("  ").append(i.title()).append("\n      ").append(i.url()).append('\n'));
        }
        out.append(m.get("cli.check.data")).append('\n');
        for (SourceState s : r.sources()) {
            out.append("  ").append(s.source()).append(": ").append(m.get("source.state." + s.state().id()))
                    .append(s.problem().map(p -> " (" + m.render(p.said()) + ")").orElse("")).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static String json(UpgradeReport r) {
        JsonObject root = new JsonObject();
        if (r.complete()) {
            root.addProperty("verdict", r.assessment().get().verdict().id());
        } else {
            root.add("verdict", JsonNull.INSTANCE);
        }
        root.addProperty("from", r.from());
        CheckJson.text(root, "to", r.assessment().map(UpgradeAssessment::target));
        JsonArray incidents = new JsonArray();
        r.assessment().ifPresent(a -> a.concerns().forEach(c -> {
            JsonObject o = new JsonObject();
            var i = c.incident().incident();
            o.addProperty("id", i.id());
            o.addProperty("title", i.title());
            o.addProperty("status", i.status().id());
            o.addProperty("severity", i.severity().id());
            o.addProperty("source", c.incident().source());
            o.addProperty("confidence", c.incident().confidence().id());
            o.add("packages", CheckJson.strings(c.packagesHere()));
            o.addProperty("holds", c.holds());
            incidents.add(o);
        }));
        root.add("incidents", incidents);
        root.add("locks", CheckJson.strings(r.assessment().map(UpgradeAssessment::locks).orElse(List.of())));
        JsonArray staged = new JsonArray();
        for (StagedUpgrade s : r.staged()) {
            JsonObject o = new JsonObject();
            o.addProperty("by", s.by());
            o.addProperty("release", s.release());
            o.addProperty("status", s.status());
            o.add("cancel_command", CheckJson.strings(s.cancel()));
            staged.add(o);
        }
        root.add("staged", staged);
        JsonArray topics = new JsonArray();
        for (CommonIssue i : r.commonIssues()) {
            JsonObject o = new JsonObject();
            o.addProperty("title", i.title());
            o.addProperty("url", i.url());
            topics.add(o);
        }
        root.add("common_issues", topics);
        JsonArray sources = new JsonArray();
        for (SourceState s : r.sources()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", s.source());
            o.addProperty("state", s.state().id());
            sources.add(o);
        }
        root.add("sources", sources);
        root.add("problems", CheckJson.english(r.cannotCheck()));
        root.add("warnings", CheckJson.english(r.warnings()));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }
}
