package org.fedoraproject.preflight.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.Bug;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Messages;

/**
 * {@code check --json}'s "bodhi", "common_issues", "bugzilla", "updateinfo" and "sources": what
 * Fedora's own sources said, and what the verdict rests on (each feed and source, its state and
 * how fresh its answer is).
 */
final class SignalsJson {

    private SignalsJson() {
    }

    static void add(JsonObject root, CheckReport report) {
        JsonObject bodhi = new JsonObject();
        bodhi.addProperty("checked", report.signals().checked(SignalSources.BODHI));
        JsonArray updates = new JsonArray();
        for (UpdateAssessment u : report.assessment().updates()) {
            Optional<BodhiUpdate> b = SignalJudge.bodhiOf(u.update(), report.signals());
            if (b.isEmpty()) {
                continue;
            }
            JsonObject o = new JsonObject();
            o.addProperty("package", u.update().nevra().name());
            o.addProperty("build", SignalJudge.buildOf(u.update(), report.signals())
                    .orElse(b.get().builds().isEmpty() ? "" : b.get().builds().get(0)));
            o.addProperty("alias", b.get().alias());
            o.addProperty("url", b.get().url());
            o.addProperty("status", b.get().status());
            o.addProperty("karma", b.get().karma());
            o.addProperty("severity", b.get().severity());
            o.addProperty("reboot_suggested", b.get().rebootSuggested());
            o.addProperty("days_in_testing", b.get().daysInTesting(report.at()));
            JsonArray comments = new JsonArray();
            o.addProperty("negative_count", b.get().negative().size());
            for (BodhiUpdate.Comment c : b.get().negative().subList(0, Math.min(20, b.get().negative().size()))) {
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
        common.addProperty("checked", report.signals().checked(SignalSources.COMMON_ISSUES_SOURCE));
        JsonArray topics = new JsonArray();
        Map<CommonIssue, List<String>> named = report.looselyNamed();
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
        report.signals().problems().forEach(p -> problems.add(Messages.english().render(p.said())));
        root.add("signal_problems", problems);
        root.add("sources", sources(report));
        root.add("updateinfo", updateinfo(report));
        root.add("bugzilla", bugzilla(report));
    }

    /** What the verdict rests on: each feed and each of Fedora's sources, how it stood and how fresh it is. */
    private static JsonArray sources(CheckReport report) {
        JsonArray out = new JsonArray();
        for (FeedStatus f : report.feeds()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", "feed");
            o.addProperty("url", f.url());
            o.addProperty("state", f.feed().isEmpty() ? "failed" : f.error().isPresent() || f.stale() ? "kept" : "answered");
            CheckJson.time(o, "as_of", f.fetched());
            CheckJson.text(o, "problem", f.error());
            out.add(o);
        }
        for (SourceState s : report.signals().sources()) {
            JsonObject o = new JsonObject();
            o.addProperty("source", s.source());
            o.addProperty("state", s.state().id());
            // Where the answer came from: asked now, or Preflight's cache (fresh enough, or kept after a
            // failure); the updateinfo always from dnf's own metadata cache, as of its as_of.
            switch (s.state()) {
                case ANSWERED -> o.addProperty("from", s.source().equals(SourceState.UPDATEINFO) ? "dnf_cache" : "network");
                case REUSED, KEPT -> o.addProperty("from", "cache");
                default -> o.add("from", JsonNull.INSTANCE);
            }
            CheckJson.time(o, "as_of", s.asOf());
            CheckJson.text(o, "problem", s.problem().map(p -> Messages.english().render(p.said())));
            out.add(o);
        }
        return out;
    }

    /** Each pending update's advisory, as the repositories' updateinfo names it. */
    private static JsonArray updateinfo(CheckReport report) {
        JsonArray out = new JsonArray();
        for (UpdateAssessment u : report.assessment().updates()) {
            SignalJudge.advisoryOf(u.update(), report.signals()).ifPresent(a -> {
                JsonObject o = new JsonObject();
                o.addProperty("package", u.update().nevra().name());
                o.addProperty("arch", u.update().nevra().arch());
                o.addProperty("advisory", a.id());
                o.addProperty("type", a.type());
                o.addProperty("severity", a.severity());
                JsonArray bugs = new JsonArray();
                a.bugs().forEach(bugs::add);
                o.add("fixes_bugs", bugs);
                out.add(o);
            });
        }
        return out;
    }

    private static JsonObject bugzilla(CheckReport report) {
        JsonObject o = new JsonObject();
        o.addProperty("checked", report.signals().checked(SignalSources.BUGZILLA));
        JsonArray bugs = new JsonArray();
        for (Bug b : report.signals().bugs()) {
            JsonObject x = new JsonObject();
            x.addProperty("id", b.id());
            x.addProperty("summary", b.summary());
            x.addProperty("component", b.component());
            x.addProperty("status", b.status());
            x.addProperty("resolution", b.resolution());
            x.addProperty("common_bugs", b.common());
            JsonArray fixed = new JsonArray();
            b.fixedIn().forEach(fixed::add);
            x.add("fixed_in", fixed);
            x.addProperty("url", b.url());
            bugs.add(x);
        }
        o.add("bugs", bugs);
        return o;
    }
}
