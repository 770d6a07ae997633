package org.fedoraproject.preflight.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.health.HealthReport;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.text.Text;

/**
 * Which states of a check deserve a notification, and which of them are new. A state is
 * announced when it begins — a new incident concerns this machine; a pending update turns to
 * hold; the fix for an incident that affects this machine is ready to install; a feed has been
 * unreachable or past its expiry for {@link #STALE_AFTER} — and not again while it lasts. A
 * state that ends and begins again is a new change, announced again.
 */
public final class NoticePolicy {

    public static final Duration STALE_AFTER = Duration.ofDays(3);

    private NoticePolicy() {
    }

    /**
     * The suspects of the machine's journal (preflight health), one state each: a transaction
     * after which a package's code keeps crashing is news once, while the crashes last.
     */
    public static Map<String, Notice> suspects(HealthReport health) {
        Map<String, Notice> states = new LinkedHashMap<>();
        for (Suspect s : health.suspects()) {
            String key = "suspect:" + s.transaction().label() + ":" + s.source();
            String what = String.join(", ", s.unitsOnly() ? s.units() : s.executables());
            states.put(key, new Notice(key, Text.of(s.unitsOnly() ? "notice.suspectUnits.summary" : "notice.suspect.summary", what),
                    List.of(Text.of(s.unitsOnly() ? "notice.suspectUnits.body" : "notice.suspect.body", what,
                            s.unitsOnly() ? s.unitFailuresAfter() : s.crashesAfter(), s.source(), s.after())),
                    Notice.NORMAL, Optional.empty()));
        }
        return states;
    }

    /** Every state of this check worth a notification, by key. */
    public static Map<String, Notice> states(CheckReport report, Instant now) {
        Map<String, Notice> states = new LinkedHashMap<>();
        Set<String> held = report.holds().stream().map(h -> h.name()).collect(Collectors.toSet());
        // "The rest" must leave out every held update, not only this one: say how.
        Text rest = report.upgradeTheRest().map(c -> Text.of("notice.hold.rest", c.display())).orElse(Text.of("notice.hold.notYet"));
        for (UpdateAssessment u : report.assessment().updates()) {
            if (u.verdict() == UpdateVerdict.HOLD) {
                String name = u.update().nevra().name();
                String id = u.incidents().isEmpty() ? "" : u.incidents().get(0);
                states.putIfAbsent("hold:" + name + ":" + u.update().nevra().evr(), new Notice(
                        "hold:" + name + ":" + u.update().nevra().evr(),
                        Text.of("notice.hold.summary", name),
                        List.of(Text.of(id.isEmpty() ? "notice.hold.body" : "notice.hold.bodyIncident", name + " "
                                + u.update().nevra().evr(), id, rest)),
                        Notice.CRITICAL, id.isEmpty() ? Optional.empty() : Optional.of(id)));
            }
        }
        for (IncidentAssessment i : report.assessment().incidents()) {
            Incident incident = i.incident().incident();
            int urgency = urgency(incident.severity());
            // A fix ready is one piece of news, not "affected" and "fix ready" side by side.
            if (i.relation() == Relation.AFFECTED) {
                states.put("affects:" + incident.id(), new Notice("affects:" + incident.id(),
                        Text.of("notice.affects.summary", incident.title()),
                        List.of(Text.of(incident.workarounds().isEmpty() ? "notice.affects.body" : "notice.affects.bodyWorkaround",
                                incident.id(), Text.of("severity." + incident.severity().id()))),
                        urgency, Optional.of(incident.id())));
            }
            if (i.relation() == Relation.FIX_AVAILABLE) {
                List<Text> todo = new ArrayList<>();
                todo.add(Text.of("notice.fix.safe"));
                boolean release = i.affected().stream().anyMatch(a -> held.contains(a.range().name()));
                if (release) {
                    todo.add(Text.of("notice.fix.release"));
                }
                if (!incident.workarounds().isEmpty()) {
                    todo.add(Text.of("notice.fix.undo"));
                }
                states.put("fix:" + incident.id(), new Notice("fix:" + incident.id(),
                        Text.of("notice.fix.summary", incident.id()),
                        List.of(Text.of("notice.fix.body", incident.title(), todo)),
                        Notice.NORMAL, Optional.of(incident.id())));
            }
        }
        if (!report.preparedHeld().isEmpty()) {
            String what = report.preparedHeld().stream().map(n -> n.name() + " " + n.evr()).collect(Collectors.joining(", "));
            String key = "prepared:" + what;
            String kind = report.preparedIsStagedDeployment() ? "staged" : "prepared";
            states.put(key, new Notice(key, Text.of("notice." + kind + ".summary"),
                    List.of(Text.of("notice." + kind + ".body", what, String.join(" ", report.cancelPrepared()))),
                    Notice.NORMAL, Optional.empty()));
        }
        for (FeedStatus f : report.feeds()) {
            Optional<Instant> last = f.fetched();
            boolean unreachable = f.error().isPresent() && last.map(t -> Duration.between(t, now).compareTo(STALE_AFTER) >= 0).orElse(true);
            if (f.stale() || unreachable) {
                states.put("stale:" + f.url(), new Notice("stale:" + f.url(),
                        Text.of("notice.stale.summary"),
                        List.of(Text.of((f.stale() ? "notice.stale.expired" : "notice.stale.unreachable") + (last.isPresent() ? "Since" : ""),
                                f.url(), last.map(t -> Duration.between(t, now).toDays()).orElse(0L))),
                        Notice.NORMAL, Optional.empty()));
            }
        }
        return states;
    }

    /**
     * One notification for all of a check's news, summarising it ("2 updates to hold, 1 fix
     * ready"), its body two short lines: the first things to do (or the news, when it asks for
     * nothing to be done) and how many more; "Show details" opens the window's list of what to
     * do, or the incident when it is the only thing to read. Critical only while an
     * installed package is affected by a critical incident; normal for holds and what affects
     * the system; low otherwise.
     */
    public static Optional<Notice> summary(List<Notice> news, CheckReport report) {
        if (news.isEmpty()) {
            return Optional.empty();
        }
        long holds = news.stream().filter(n -> n.key().startsWith("hold:")).count();
        long affects = news.stream().filter(n -> n.key().startsWith("affects:")).count();
        long fixes = news.stream().filter(n -> n.key().startsWith("fix:")).count();
        long feeds = news.stream().filter(n -> n.key().startsWith("stale:")).count();
        long suspects = news.stream().filter(n -> n.key().startsWith("suspect:")).count();
        boolean prepared = news.stream().anyMatch(n -> n.key().startsWith("prepared:"));
        List<Text> parts = new ArrayList<>();
        if (prepared) {
            parts.add(Text.of("notice.part.prepared"));
        }
        if (holds > 0) {
            parts.add(Text.of("notice.part.holds", holds));
        }
        if (affects > 0) {
            parts.add(Text.of("notice.part.affects", affects));
        }
        if (fixes > 0) {
            parts.add(Text.of("notice.part.fixes", fixes));
        }
        if (feeds > 0) {
            parts.add(Text.of("notice.part.feeds", feeds));
        }
        if (suspects > 0) {
            parts.add(Text.of("notice.part.suspects", suspects));
        }
        Text summary = Text.of("notice.summary", parts);
        // Two short lines: the first things to do, in the order every front end lists them (no command: "Show details" opens
        // the list, with its commands to copy). News that asks for nothing to be done is said as news.
        List<Text> todo = prepared || holds + affects + fixes > 0
                ? CheckSummary.of(report).todo().stream().map(ToDo::brief).toList()
                : news.stream().map(Notice::summary).toList();
        List<Text> lines = new ArrayList<>();
        todo.stream().limit(todo.size() > 2 ? 1 : 2).forEach(t -> lines.add(Text.of("notice.line", t)));
        if (todo.size() > 2) {
            lines.add(Text.of("notice.more", todo.size() - 1));
        }
        // "Show details" opens an incident only when it is the one thing to read; else the list of what to do.
        Optional<String> incident = todo.size() == 1 ? Stream.of("hold:", "affects:", "fix:")
                .flatMap(prefix -> news.stream().filter(n -> n.key().startsWith(prefix)))
                .flatMap(n -> n.incident().stream()).findFirst() : Optional.empty();
        boolean critical = report.assessment().incidents().stream().anyMatch(i -> i.relation() == Relation.AFFECTED
                && i.incident().incident().severity() == Severity.CRITICAL);
        int urgency = critical ? Notice.CRITICAL : holds + affects > 0 || prepared ? Notice.NORMAL : Notice.LOW;
        String key = "summary:" + String.join(",", news.stream().map(Notice::key).toList());
        return Optional.of(new Notice(key, summary, lines, urgency, incident));
    }

    /** The notices of states that were not there before. */
    public static List<Notice> news(Map<String, Notice> now, Set<String> before) {
        return now.values().stream().filter(n -> !before.contains(n.key())).toList();
    }

    private static int urgency(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Notice.CRITICAL;
            case MAJOR -> Notice.NORMAL;
            case MINOR -> Notice.LOW;
        };
    }
}
