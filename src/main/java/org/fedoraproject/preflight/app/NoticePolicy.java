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
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.feed.FeedStatus;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.Severity;

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

    /** Every state of this check worth a notification, by key. */
    public static Map<String, Notice> states(CheckReport report, Instant now) {
        Map<String, Notice> states = new LinkedHashMap<>();
        Set<String> held = report.holds().stream().map(h -> h.name()).collect(Collectors.toSet());
        // "The rest" must leave out every held update, not only this one: say how.
        String rest = report.upgradeTheRest().map(c -> " Update the rest without the held updates: " + c.display() + ".")
                .orElse(" Do not install it yet.");
        for (UpdateAssessment u : report.assessment().updates()) {
            if (u.verdict() == UpdateVerdict.HOLD) {
                String name = u.update().nevra().name();
                String id = u.incidents().isEmpty() ? "" : u.incidents().get(0);
                states.putIfAbsent("hold:" + name + ":" + u.update().nevra().evr(), new Notice(
                        "hold:" + name + ":" + u.update().nevra().evr(),
                        "Hold " + name + " for now",
                        "The pending update to " + name + " " + u.update().nevra().evr() + " has a known serious problem"
                                + (id.isEmpty() ? "." : " (" + id + ").") + rest + " Preflight tells you when it is safe.",
                        Notice.CRITICAL, id.isEmpty() ? Optional.empty() : Optional.of(id)));
            }
        }
        for (IncidentAssessment i : report.assessment().incidents()) {
            Incident incident = i.incident().incident();
            int urgency = urgency(incident.severity());
            // A fix ready is one piece of news, not "affected" and "fix ready" side by side.
            if (i.relation() == Relation.AFFECTED) {
                states.put("affects:" + incident.id(), new Notice("affects:" + incident.id(),
                        "This system is affected: " + incident.title(),
                        incident.id() + " (" + incident.severity().id() + ") concerns packages installed here. "
                                + (incident.workarounds().isEmpty() ? "Open Preflight for the way back."
                                : "Open Preflight for a workaround and the way back."),
                        urgency, Optional.of(incident.id())));
            }
            if (i.relation() == Relation.FIX_AVAILABLE) {
                List<String> todo = new ArrayList<>();
                todo.add("it is safe to update");
                boolean release = i.affected().stream().anyMatch(a -> held.contains(a.range().name()));
                if (release) {
                    todo.add("release the hold");
                }
                if (!incident.workarounds().isEmpty()) {
                    todo.add("undo any workaround");
                }
                states.put("fix:" + incident.id(), new Notice("fix:" + incident.id(),
                        "The fix for " + incident.id() + " is ready",
                        "The update that fixes \u201c" + incident.title() + "\u201d can be installed: " + String.join(", ", todo) + ".",
                        Notice.NORMAL, Optional.of(incident.id())));
            }
        }
        if (!report.preparedHeld().isEmpty()) {
            String what = report.preparedHeld().stream().map(n -> n.name() + " " + n.evr()).collect(Collectors.joining(", "));
            String key = "prepared:" + what;
            states.put(key, new Notice(key, report.preparedIsStagedDeployment()
                    ? "The staged deployment brings a held version" : "The prepared update installs a held version",
                    (report.preparedIsStagedDeployment() ? "The deployment staged for the next boot brings " + what
                            : "The update GNOME Software prepared will install " + what + " at the next restart")
                            + ". Cancel it first: " + String.join(" ", report.cancelPrepared()) + ".",
                    Notice.NORMAL, Optional.empty()));
        }
        for (FeedStatus f : report.feeds()) {
            Optional<Instant> last = f.fetched();
            boolean unreachable = f.error().isPresent() && last.map(t -> Duration.between(t, now).compareTo(STALE_AFTER) >= 0).orElse(true);
            if (f.stale() || unreachable) {
                states.put("stale:" + f.url(), new Notice("stale:" + f.url(),
                        "The incident feed is out of date",
                        f.url() + (f.stale() ? " is past its expiry" : " could not be reached")
                                + last.map(t -> " since " + Duration.between(t, now).toDays() + " days").orElse("")
                                + ". Preflight's advice may miss recent problems.",
                        Notice.NORMAL, Optional.empty()));
            }
        }
        return states;
    }

    /**
     * One notification for all of a check's news, summarising it ("2 updates to hold, 1 fix
     * ready"), its body the news one line each, "Show details" opening the most important item
     * (a hold's incident, else one affecting the system, else a fix). Critical only while an
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
        boolean prepared = news.stream().anyMatch(n -> n.key().startsWith("prepared:"));
        List<String> parts = new ArrayList<>();
        if (prepared) {
            parts.add("the prepared update installs a held version");
        }
        if (holds > 0) {
            parts.add(holds + (holds == 1 ? " update to hold" : " updates to hold"));
        }
        if (affects > 0) {
            parts.add(affects + (affects == 1 ? " problem affects this system" : " problems affect this system"));
        }
        if (fixes > 0) {
            parts.add(fixes + (fixes == 1 ? " fix ready" : " fixes ready"));
        }
        if (feeds > 0) {
            parts.add(feeds == 1 ? "a feed is out of date" : feeds + " feeds are out of date");
        }
        String summary = Character.toUpperCase(parts.get(0).charAt(0)) + String.join(", ", parts).substring(1);
        List<String> lines = new ArrayList<>();
        // The prepared update first: it installs at the next restart, whatever else is done.
        news.stream().filter(n -> n.key().startsWith("prepared:")).forEach(n -> lines.add("• " + n.body()));
        news.stream().filter(n -> !n.key().startsWith("prepared:")).limit(4).forEach(n -> lines.add("• " + n.summary()));
        if (news.size() > 4) {
            lines.add("… and " + (news.size() - 4) + " more in Preflight");
        }
        if (holds > 0) {
            report.upgradeTheRest().ifPresent(c -> lines.add("Update the rest without the held updates: " + c.display()));
        }
        Optional<String> incident = java.util.stream.Stream.of("hold:", "affects:", "fix:")
                .flatMap(prefix -> news.stream().filter(n -> n.key().startsWith(prefix)))
                .flatMap(n -> n.incident().stream()).findFirst();
        boolean critical = report.assessment().incidents().stream().anyMatch(i -> i.relation() == Relation.AFFECTED
                && i.incident().incident().severity() == Severity.CRITICAL);
        int urgency = critical ? Notice.CRITICAL : holds + affects > 0 || prepared ? Notice.NORMAL : Notice.LOW;
        String key = "summary:" + String.join(",", news.stream().map(Notice::key).toList());
        return Optional.of(new Notice(key, summary, String.join("\n", lines), urgency, incident));
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
