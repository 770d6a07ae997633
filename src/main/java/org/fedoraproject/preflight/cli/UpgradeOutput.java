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

/** {@code check --upgrade}: the verdict first, then why, as text; or JSON with check's conventions. */
final class UpgradeOutput {

    private UpgradeOutput() {
    }

    static String text(UpgradeReport r) {
        StringBuilder out = new StringBuilder();
        if (!r.complete()) {
            out.append("COULD NOT CHECK - ").append(r.cannotCheck().isEmpty() ? "no release to check" : r.cannotCheck().get(0))
                    .append(".\n");
        }
        r.assessment().ifPresent(a -> {
            if (r.complete()) {
                out.append(switch (a.verdict()) {
                    case GO_AHEAD -> "GO AHEAD - nothing known stands in the way of upgrading to Fedora " + a.target() + ".";
                    case TAKE_CARE -> "TAKE CARE - upgrading to Fedora " + a.target() + " is possible, but read this first.";
                    case WAIT -> "WAIT - a serious known problem in Fedora " + a.target() + " concerns packages installed here.";
                }).append('\n');
            }
            out.append('\n');
            if (!a.concerns().isEmpty()) {
                out.append("Known issues of Fedora ").append(a.target()).append(" that concern this system\n");
                for (UpgradeAssessment.Concern c : a.concerns()) {
                    var i = c.incident().incident();
                    out.append("  ").append(i.id()).append("  ").append(i.severity().id()).append(", ").append(i.status().id())
                            .append(c.incident().derived() ? ", derived from " + c.incident().source() : "").append('\n')
                            .append("      ").append(i.title()).append('\n')
                            .append("      names, installed here: ").append(String.join(", ", c.packagesHere())).append('\n');
                    i.links().stream().findFirst().ifPresent(l -> out.append("      ").append(l.url()).append('\n'));
                }
                out.append('\n');
            }
            if (!a.locks().isEmpty()) {
                out.append("Held packages (versionlock): ").append(String.join(", ", a.locks()))
                        .append(" - the upgrade keeps them back or fails on them; release the locks first.\n\n");
            }
        });
        for (StagedUpgrade s : r.staged()) {
            out.append("An upgrade to Fedora ").append(s.release()).append(" is staged by ").append(s.by())
                    .append(s.status().isEmpty() ? "" : " (" + s.status() + ")").append(": it installs at the next reboot.")
                    .append(" Cancel it: ").append(String.join(" ", s.cancel())).append('\n');
        }
        if (!r.commonIssues().isEmpty()) {
            out.append("Fedora Common Issues of that release (").append(r.commonIssues().size()).append(" open)\n");
            r.commonIssues().forEach(i -> out.append("  ").append(i.title()).append("\n      ").append(i.url()).append('\n'));
        }
        out.append("Data\n");
        for (SourceState s : r.sources()) {
            out.append("  ").append(s.source()).append(": ").append(s.state().id()).append(s.problem().map(p -> " (" + p + ")")
                    .orElse("")).append('\n');
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
        root.add("problems", CheckJson.strings(r.cannotCheck()));
        root.add("warnings", CheckJson.strings(r.warnings()));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }
}
