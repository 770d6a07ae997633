package org.fedoraproject.preflight.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.Bug;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.DerivedIncidents;
import org.fedoraproject.preflight.text.Problem;

/**
 * What may be an incident and is not on the desk yet, ranked, each with the command that takes it
 * up: an update that names an open incident's bug (a fix candidate: the most to act on), open
 * CommonBugs and Prioritized Bugs, stable updates with negative karma, stable updates replaced within days, open
 * Common Issues topics.
 */
public final class Triage {

    /** One thing to look at: how much it weighs, what it is, and the command that takes it up. */
    public record Candidate(int weight, String kind, String title, String detail, String command) {
    }

    /** The candidates, most weighty first, and the sources that could not be asked. */
    public record Result(List<Candidate> candidates, List<String> problems) {
    }

    /** An update replaced by another stable one this soon was probably pulled for a reason. */
    static final Duration REPLACED_WITHIN = Duration.ofDays(3);
    /** How far back the stable updates are looked through. */
    static final Duration LOOK_BACK = Duration.ofDays(14);

    private final SignalSources sources;

    public Triage(SignalSources sources) {
        this.sources = sources;
    }

    public Result run(List<DeskIncident> desk, List<String> releases, Instant now, boolean offline) {
        List<Candidate> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Known known = Known.of(desk);
        for (DeskIncident i : desk) {
            if (!i.open()) {
                continue;
            }
            for (long bug : known.bugsOf(i)) {
                SignalSources.Read<BodhiUpdate> read = sources.bodhiByBug(bug, offline);
                read.problem().map(Problem::english).ifPresent(problems::add);
                read.items().stream().filter(u -> !i.fixUpdates().contains(u.alias()) && !i.badUpdates().contains(u.alias()))
                        .filter(u -> u.status().equals("testing") || u.status().equals("stable"))
                        .forEach(u -> out.add(new Candidate(6, "fix candidate", i.id() + ": " + u.alias() + " names bug " + bug,
                                u.status() + ", " + String.join(", ", u.builds()),
                                "preflight desk update " + i.id() + " --fix-update " + u.alias()
                                        + (u.status().equals("testing") ? " --status fix-testing" : ""))));
            }
        }
        for (String release : releases) {
            Set<Long> offered = new HashSet<>(known.bugs());
            SignalSources.Read<Bug> common = sources.commonBugs(release, offline);
            common.problem().map(Problem::english).ifPresent(problems::add);
            common.items().stream().filter(Bug::open).filter(b -> offered.add(b.id()))
                    .forEach(b -> out.add(new Candidate(5, "CommonBugs", b.summary(), "bug " + b.id() + " (" + b.component()
                            + ", Fedora " + release + ")", "preflight desk new --from-bug " + b.id())));
            SignalSources.Read<Bug> prioritized = sources.prioritizedBugs(release, offline);
            prioritized.problem().map(Problem::english).ifPresent(problems::add);
            prioritized.items().stream().filter(Bug::open).filter(b -> offered.add(b.id()))
                    .forEach(b -> out.add(new Candidate(5, "Prioritized bug", b.summary(), "bug " + b.id() + " (" + b.component()
                            + ", Fedora " + release + ")", "preflight desk new --from-bug " + b.id())));
            SignalSources.Read<BodhiUpdate> stable = sources.bodhiStableSince("F" + release, now.minus(LOOK_BACK), offline);
            stable.problem().map(Problem::english).ifPresent(problems::add);
            updates(stable.items(), known, release, out);
            SignalSources.Read<CommonIssue> topics = sources.commonIssues(release, offline);
            topics.problem().map(Problem::english).ifPresent(problems::add);
            topics.items().stream().filter(t -> !t.solved() && !known.topics().contains(t.id()))
                    .forEach(t -> out.add(new Candidate(3, "Common Issues", t.title(), "topic " + t.id() + " (Fedora " + release + ")",
                            "preflight desk new --from-topic " + t.url())));
        }
        out.sort(Comparator.comparingInt(Candidate::weight).reversed().thenComparing(Candidate::title));
        return new Result(List.copyOf(out), problems.stream().distinct().toList());
    }

    /** Stable updates with negative karma, and those another stable update of the same package replaced within days. */
    private static void updates(List<BodhiUpdate> stable, Known known, String release, List<Candidate> out) {
        Map<String, List<BodhiUpdate>> byPackage = new TreeMap<>();
        for (BodhiUpdate u : stable) {
            u.builds().forEach(b -> byPackage.computeIfAbsent(Drafts.nameOf(b), n -> new ArrayList<>()).add(u));
        }
        Set<String> said = new HashSet<>();
        for (BodhiUpdate u : stable) {
            if (known.updates().contains(u.alias()) || u.stable().isEmpty()) {
                continue;
            }
            if (u.karma() < 0 || !u.negative().isEmpty()) {
                said.add(u.alias());
                out.add(new Candidate(u.karma() <= -2 ? 5 : 4, "negative karma", String.join(", ", u.builds()),
                        u.alias() + " is stable with karma " + u.karma() + (u.negative().isEmpty() ? "" : " (" + u.negative().size()
                                + (u.negative().size() == 1 ? " tester" : " testers") + " against it)") + ", Fedora " + release,
                        "preflight desk new --from-update " + u.alias()));
            }
        }
        for (Map.Entry<String, List<BodhiUpdate>> e : byPackage.entrySet()) {
            List<BodhiUpdate> all = e.getValue().stream().filter(u -> u.stable().isPresent())
                    .sorted(Comparator.comparing(u -> u.stable().orElseThrow())).toList();
            for (int k = 0; k + 1 < all.size(); k++) {
                BodhiUpdate first = all.get(k);
                Duration lived = Duration.between(first.stable().orElseThrow(), all.get(k + 1).stable().orElseThrow());
                if (lived.compareTo(REPLACED_WITHIN) <= 0 && !known.updates().contains(first.alias()) && said.add(first.alias())) {
                    out.add(new Candidate(2, "replaced quickly", String.join(", ", first.builds()), first.alias() + " was replaced by "
                            + all.get(k + 1).alias() + " after " + Review.words(lived) + ", Fedora " + release,
                            "preflight desk new --from-update " + first.alias()));
                }
            }
        }
    }

    /** What the desk already has: its updates, bugs and topics, so triage never offers them again. */
    record Known(Set<String> updates, Set<Long> bugs, Set<Long> topics) {
        static Known of(List<DeskIncident> desk) {
            Set<String> updates = new HashSet<>();
            Set<Long> bugs = new HashSet<>();
            Set<Long> topics = new HashSet<>();
            for (DeskIncident i : desk) {
                updates.addAll(i.badUpdates());
                updates.addAll(i.fixUpdates());
                for (DeskIncident.LinkRef l : i.links()) {
                    Matcher bug = DerivedIncidents.BUG_LINK.matcher(l.url());
                    if (bug.find()) {
                        bugs.add(Long.parseLong(bug.group(1)));
                    }
                    Matcher topic = Drafts.TOPIC.matcher(l.url());
                    if (l.rel().equals("discussion") && topic.find() && topic.group(1) != null) {
                        topics.add(Long.parseLong(topic.group(1)));
                    }
                }
                number(i.id(), "FPS-RHBZ-").ifPresent(bugs::add);
                number(i.id(), "FPS-T-").ifPresent(topics::add);
            }
            return new Known(updates, bugs, topics);
        }

        /** The tracker bugs of an incident. */
        List<Long> bugsOf(DeskIncident i) {
            List<Long> out = new ArrayList<>();
            for (DeskIncident.LinkRef l : i.links()) {
                Matcher bug = DerivedIncidents.BUG_LINK.matcher(l.url());
                if (l.rel().equals("tracker") && bug.find()) {
                    out.add(Long.parseLong(bug.group(1)));
                }
            }
            return out;
        }

        private static Optional<Long> number(String id, String prefix) {
            return id.startsWith(prefix) && id.substring(prefix.length()).matches("[0-9]{1,12}")
                    ? Optional.of(Long.parseLong(id.substring(prefix.length()))) : Optional.empty();
        }
    }
}
