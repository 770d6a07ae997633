package org.fedoraproject.preflight.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SignalJudge;

/**
 * {@code check --json}'s "bodhi" and "common_issues": Fedora's live signals, kept apart from the
 * curated incidents. Each says whether it was checked, and its problem if it could not be read.
 */
final class SignalsJson {

    private SignalsJson() {
    }

    static void add(JsonObject root, CheckReport report) {
        JsonObject bodhi = new JsonObject();
        bodhi.addProperty("checked", report.signals().bodhiChecked());
        JsonArray updates = new JsonArray();
        for (UpdateAssessment u : report.assessment().updates()) {
            Optional<BodhiUpdate> b = SignalJudge.bodhiOf(u.update(), report.signals());
            if (b.isEmpty()) {
                continue;
            }
            JsonObject o = new JsonObject();
            o.addProperty("package", u.update().nevra().name());
            o.addProperty("build", SignalJudge.buildOf(u.update(), report.signals()).orElseThrow());
            o.addProperty("alias", b.get().alias());
            o.addProperty("url", b.get().url());
            o.addProperty("status", b.get().status());
            o.addProperty("karma", b.get().karma());
            o.addProperty("severity", b.get().severity());
            o.addProperty("reboot_suggested", b.get().rebootSuggested());
            o.addProperty("days_in_testing", b.get().daysInTesting(report.at()));
            JsonArray comments = new JsonArray();
            for (BodhiUpdate.Comment c : b.get().negative()) {
                JsonObject comment = new JsonObject();
                comment.addProperty("author", c.author());
                comment.addProperty("date", c.at().toString());
                comment.addProperty("karma", c.karma());
                comment.addProperty("text", c.text());
                comments.add(comment);
            }
            o.add("negative_comments", comments);
            JsonArray bugs = new JsonArray();
            b.get().bugs().forEach(bug -> {
                JsonObject x = new JsonObject();
                x.addProperty("id", bug.id());
                x.addProperty("title", bug.title());
                bugs.add(x);
            });
            o.add("bugs", bugs);
            updates.add(o);
        }
        bodhi.add("updates", updates);
        root.add("bodhi", bodhi);

        JsonObject common = new JsonObject();
        common.addProperty("checked", report.signals().commonIssuesChecked());
        JsonArray topics = new JsonArray();
        java.util.Map<CommonIssue, java.util.List<String>> named = report.looselyNamed();
        for (CommonIssue i : report.signals().commonIssues()) {
            JsonObject o = new JsonObject();
            o.addProperty("title", i.title());
            o.addProperty("url", i.url());
            o.addProperty("created", i.created().toString());
            JsonArray tags = new JsonArray();
            i.tags().forEach(tags::add);
            o.add("tags", tags);
            JsonArray loose = new JsonArray();
            named.get(i).forEach(loose::add);
            o.add("loosely_matches", loose);
            topics.add(o);
        }
        common.add("topics", topics);
        root.add("common_issues", common);
        JsonArray problems = new JsonArray();
        report.signals().problems().forEach(problems::add);
        root.add("signal_problems", problems);
    }
}
