package org.fedoraproject.preflight.signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Confidence;
import org.fedoraproject.preflight.incident.Evidence;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Link;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.incident.Workaround;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nvr;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.fedoraproject.preflight.text.Text;

/**
 * Incidents built from what Fedora publishes when no feed describes them (README, "How the
 * verdict is reached"). A bug concerns this system when its component (a source package) is
 * that of an installed or pending package. Each derived incident is {@link Confidence#DERIVED}
 * and carries the evidence it rests on.
 * <ul>
 * <li>A CommonBugs bug, or a bug a Common Issues topic links: every version below the fix is
 * affected; the fix is the build in {@code cf_fixed_in} for this release, else the pending update
 * whose advisory says it fixes the bug. It holds an update only on strong evidence: the bug is
 * open, marked CommonBugs for this release, and {@code cf_fixed_in} names a build later than
 * the pending one; otherwise it is a caution. A bug closed without a fix says nothing.</li>
 * <li>An open topic that links no such bug but names a package with a pending update: that
 * update and later ones are a caution (the topic does not say which versions are bad, so the
 * installed one is not claimed to be affected). A solved topic without a bug says nothing.</li>
 * </ul>
 * A curated incident about the same bug, Bodhi update or topic absorbs the derived one's evidence.
 */
public final class DerivedIncidents {

    /** The facts the derivation needs: the release, each installed or pending package's source and epochs. */
    public record Facts(String release, Map<String, String> sourceOf, Map<String, Long> epochOf, List<PendingUpdate> pending,
                        Instant now) {
    }

    public static final Pattern BUG_LINK = Pattern.compile("bugzilla\\.redhat\\.com/(?:show_bug\\.cgi\\?id=)?([0-9]{5,9})\\b");
    static final Pattern BODHI_LINK = Pattern.compile("bodhi\\.fedoraproject\\.org/updates/(FEDORA-[0-9]{4}-[0-9a-f]{6,20})");
    static final Pattern TOPIC_LINK = Pattern.compile("/t/(?:[^/\\s]+/)?([0-9]+)(?:[/?#]|$)");
    private static final Set<String> SAYS_NOTHING = Set.of("NOTABUG", "WONTFIX", "DUPLICATE", "CANTFIX", "INSUFFICIENT_DATA",
            "WORKSFORME", "EOL", "DEFERRED");

    private DerivedIncidents() {
    }

    /** The derived incidents for this system, and the curated ones with what the sources add to them. */
    public static List<SourcedIncident> derive(List<SourcedIncident> curated, Signals signals, Facts facts) {
        Set<String> sources = new LinkedHashSet<>(facts.sourceOf().values());
        sources.addAll(facts.sourceOf().keySet()); // a component may be named like a binary package here
        sources.remove("");
        Map<Long, Bug> bugs = new LinkedHashMap<>();
        signals.bugs().forEach(b -> bugs.putIfAbsent(b.id(), b));
        Map<Long, List<CommonIssue>> topicsOfBug = new HashMap<>();
        for (CommonIssue t : signals.commonIssues()) {
            for (long id : bugLinks(t.firstPost().orElse(""))) {
                topicsOfBug.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
            }
        }
        Map<Long, List<Advisory>> fixing = new HashMap<>();
        for (Advisory a : signals.advisories()) {
            a.bugs().forEach(id -> fixing.computeIfAbsent(id, k -> new ArrayList<>()).add(a));
        }
        List<SourcedIncident> derived = new ArrayList<>();
        Set<Long> topicsUsed = new LinkedHashSet<>();
        for (Bug bug : bugs.values()) {
            boolean linked = topicsOfBug.containsKey(bug.id());
            // A CommonBugs bug of another release says nothing of this one (one a topic links may: it is kept).
            boolean otherRelease = !linked && !bug.versions().isEmpty() && !bug.versions().contains(facts.release());
            if (!(bug.common() || linked) || otherRelease || !sources.contains(bug.component()) || !PackageName.isValid(bug.component())
                    || (!bug.open() && SAYS_NOTHING.contains(bug.resolution()))) {
                continue;
            }
            List<CommonIssue> topics = topicsOfBug.getOrDefault(bug.id(), List.of());
            fromBug(bug, topics, fixing.getOrDefault(bug.id(), List.of()), signals, facts).ifPresent(si -> {
                derived.add(si);
                topics.forEach(t -> topicsUsed.add(t.id()));
            });
        }
        for (CommonIssue topic : signals.commonIssues()) {
            if (!topicsUsed.contains(topic.id()) && !topic.solved()) {
                fromTopic(topic, facts).ifPresent(derived::add);
            }
        }
        return merge(curated, derived);
    }

    private static Optional<SourcedIncident> fromBug(Bug bug, List<CommonIssue> topics, List<Advisory> advisories, Signals signals,
                                                     Facts facts) {
        String component = bug.component();
        Optional<Evr> fixedIn = fixedIn(bug, facts.release(), signals, facts);
        Optional<Evr> byAdvisory = advisories.stream().flatMap(a -> a.packages().stream())
                .filter(p -> builtFrom(p.name(), component, facts))
                .map(p -> p.evr()).min(Comparator.naturalOrder());
        Optional<Evr> fix = fixedIn.isPresent() ? fixedIn : byAdvisory;
        if (!bug.open() && fix.isEmpty()) {
            return Optional.empty();
        }
        if (fix.isPresent() && !VersionRange.canBeFix(fix.get())) {
            return Optional.empty();
        }
        // A bug says which release, never which version brought the problem: the range has no
        // known start, so an installed version below the fix is "reported", never "affected".
        VersionRange range = VersionRange.reportedBelow(fix);
        boolean strong = bug.open() && bug.common() && bug.versions().contains(facts.release()) && fixedIn.isPresent();
        IncidentStatus status = !bug.open() ? IncidentStatus.RESOLVED : fix.isPresent() ? IncidentStatus.FIX_TESTING
                : IncidentStatus.IDENTIFIED;
        List<Evidence> evidence = new ArrayList<>();
        String state = bug.status() + (bug.resolution().isEmpty() ? "" : " " + bug.resolution());
        evidence.add(new Evidence("bugzilla", Text.of(bug.common() ? "derived.bug.common" : "derived.bug", Long.toString(bug.id()),
                state, component, fixedIn.isPresent() ? 1 : 0, fixedIn.map(Object::toString).orElse("")), bug.url()));
        List<Link> links = new ArrayList<>(List.of(new Link("tracker", bug.url())));
        for (Advisory a : advisories) {
            // A link to Bodhi only from an id of Bodhi's own form: nothing else goes into a URL.
            boolean bodhi = Advisory.isBodhiAlias(a.id());
            evidence.add(new Evidence("advisory", Text.of("derived.advisory", a.id(), Long.toString(bug.id())),
                    bodhi ? bodhiUrl(a.id()) : ""));
            if (bodhi) {
                links.add(new Link("update", bodhiUrl(a.id())));
            }
        }
        List<Workaround> workarounds = new ArrayList<>();
        for (CommonIssue t : topics) {
            evidence.add(new Evidence("common-issues", Text.of(t.solved() ? "derived.topicSolved" : "derived.topic", t.title()), t.url()));
            links.add(new Link("discussion", t.url()));
            workaround(t).ifPresent(workarounds::add);
        }
        Instant at = bug.created().equals(Instant.EPOCH) ? facts.now() : bug.created();
        // The bug's own summary is its title; what Preflight says of it is in the evidence, in the user's words.
        Incident incident = new Incident("rhbz#" + bug.id(), bug.summary().isEmpty() ? "rhbz#" + bug.id() : bug.summary(), "",
                status, strong ? Severity.MAJOR : Severity.MINOR, at, at, bug.open() ? Optional.empty() : Optional.of(at),
                List.of(facts.release()), List.of(), List.of(),
                List.of(new AffectedPackage(component, range, Optional.empty(), Optional.of(component))), List.of(),
                new Fix(advisories.stream().map(Advisory::id).filter(Advisory::isBodhiAlias).distinct().toList(), Optional.empty(), ""),
                workarounds, links, List.of());
        return Optional.of(new SourcedIncident(incident, SourceState.BUGZILLA, List.of(), Confidence.DERIVED, evidence));
    }

    /**
     * The build of the component in {@code cf_fixed_in} for this release (".fcNN"), else any of
     * the component. Bugzilla's NVR has no epoch; it is the epoch of that very build where
     * something here knows it (a pending package, an advisory's package list, Bodhi's build
     * record), else the installed package's: an epoch bump that reverts a bad version (1:1.14
     * after 1.15) must not read as an older version.
     */
    static Optional<Evr> fixedIn(Bug bug, String release, Signals signals, Facts facts) {
        List<Nvr> builds = new ArrayList<>();
        for (String word : bug.fixedIn()) {
            try {
                Nvr nvr = Nvr.parse(word);
                if (nvr.name().equals(bug.component())) {
                    builds.add(nvr);
                }
            } catch (IllegalArgumentException e) {
                // not a build: people write free text there too
            }
        }
        Optional<Nvr> pick = builds.stream().filter(n -> n.evr().release().contains("fc" + release)).findFirst()
                .or(() -> builds.stream().findFirst());
        return pick.map(n -> new Evr(epochOf(n, signals, facts), n.evr().version(), n.evr().release()));
    }

    /** The epoch of the build an NVR names, as the pending packages, the advisories or Bodhi know it. */
    private static long epochOf(Nvr build, Signals signals, Facts facts) {
        String vr = build.evr().version() + "-" + build.evr().release();
        Optional<Long> known = facts.pending().stream().map(PendingUpdate::nevra)
                .filter(n -> sameBuild(n.name(), n.evr(), build, facts)).map(n -> n.evr().epoch()).findFirst()
                .or(() -> signals.advisories().stream().flatMap(a -> a.packages().stream())
                        .filter(n -> sameBuild(n.name(), n.evr(), build, facts)).map(n -> n.evr().epoch()).findFirst())
                .or(() -> signals.bodhiByAlias().values().stream().map(b -> b.buildEpochs().get(build.name() + "-" + vr))
                        .filter(Objects::nonNull).findFirst())
                .or(() -> signals.bodhiByBuild().values().stream().map(b -> b.buildEpochs().get(build.name() + "-" + vr))
                        .filter(Objects::nonNull).findFirst());
        return known.orElseGet(() -> facts.epochOf().getOrDefault(build.name(), 0L));
    }

    private static boolean sameBuild(String binary, Evr evr, Nvr build, Facts facts) {
        return builtFrom(binary, build.name(), facts) && evr.version().equals(build.evr().version())
                && evr.release().equals(build.evr().release());
    }

    /** Whether a binary package comes from this source package (or is named like it). */
    private static boolean builtFrom(String binary, String source, Facts facts) {
        return source.equals(binary) || source.equals(facts.sourceOf().get(binary));
    }

    private static Optional<SourcedIncident> fromTopic(CommonIssue topic, Facts facts) {
        PackageMentions mentions = PackageMentions.in(topic.title() + "\n" + topic.firstPost().orElse(""), topic.tags());
        List<AffectedPackage> affected = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (PendingUpdate u : facts.pending()) {
            String name = u.nevra().name();
            String source = facts.sourceOf().getOrDefault(name, "");
            String named = mentions.names(name) ? name : !source.isEmpty() && mentions.names(source) ? source : null;
            if (named != null && affected.stream().noneMatch(a -> a.name().equals(name))) {
                affected.add(new AffectedPackage(name, VersionRange.reportedFrom(u.nevra().evr()), Optional.empty()));
                evidence.add(new Evidence("common-issues", Text.of("derived.topicNames", named, name + " " + u.nevra().evr()),
                        topic.url()));
            }
        }
        if (affected.isEmpty()) {
            return Optional.empty();
        }
        evidence.add(0, new Evidence("common-issues", Text.of("derived.topic", topic.title()), topic.url()));
        List<Link> links = new ArrayList<>(List.of(new Link("discussion", topic.url())));
        bugLinks(topic.firstPost().orElse("")).forEach(id -> links.add(new Link("tracker",
                "https://bugzilla.redhat.com/show_bug.cgi?id=" + id)));
        Incident incident = new Incident("discourse#" + topic.id(), topic.title(), firstParagraph(topic.firstPost().orElse("")),
                IncidentStatus.IDENTIFIED, Severity.MINOR, topic.created(), topic.lastPosted(), Optional.empty(),
                List.of(facts.release()), List.of(), List.of(), affected, List.of(), Fix.NONE,
                workaround(topic).map(List::of).orElse(List.of()), links, List.of());
        return Optional.of(new SourcedIncident(incident, SourceState.COMMON_ISSUES, List.of(), Confidence.DERIVED, evidence));
    }

    /**
     * The title of a workaround taken from a Common Issues topic: none, since it is not words of
     * the topic's; the front ends name it in the user's language (key guide.step.workaroundTopic).
     */
    private static final String TOPIC_WORKAROUND = "";

    /** A curated incident that links the same bug, topic or Bodhi update takes the derived one's evidence. */
    static List<SourcedIncident> merge(List<SourcedIncident> curated, List<SourcedIncident> derived) {
        List<SourcedIncident> out = new ArrayList<>(curated);
        for (SourcedIncident d : derived) {
            Set<String> keys = keys(d.incident());
            int same = -1;
            for (int i = 0; i < out.size() && same < 0; i++) {
                if (!out.get(i).derived() && keys(out.get(i).incident()).stream().anyMatch(keys::contains)) {
                    same = i;
                }
            }
            if (same >= 0) {
                out.set(same, out.get(same).withEvidence(d.evidence()));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** What identifies an incident across sources: the bugs, topics and Bodhi updates it links or names. */
    static Set<String> keys(Incident incident) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        incident.links().forEach(l -> texts.add(l.url()));
        texts.addAll(incident.badUpdates());
        texts.addAll(incident.fix().updates());
        for (String text : texts) {
            bugLinks(text).forEach(id -> keys.add("bug:" + id));
            Matcher b = BODHI_LINK.matcher(text);
            while (b.find()) {
                keys.add("bodhi:" + b.group(1));
            }
            if (Advisory.isBodhiAlias(text)) {
                keys.add("bodhi:" + text);
            }
            if (text.contains("discussion.fedoraproject.org") || text.contains("/t/")) {
                Matcher t = TOPIC_LINK.matcher(text);
                if (t.find()) {
                    keys.add("topic:" + t.group(1));
                }
            }
        }
        return keys;
    }

    /** The bugs a topic's first post links. */
    public static List<Long> bugLinksOf(CommonIssue topic) {
        return bugLinks(topic.firstPost().orElse(""));
    }

    static List<Long> bugLinks(String text) {
        List<Long> ids = new ArrayList<>();
        Matcher m = BUG_LINK.matcher(text);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The section of a first post headed "Workaround" (a markdown heading or a bold line), as steps of text. */
    static Optional<Workaround> workaround(CommonIssue topic) {
        String[] lines = topic.firstPost().orElse("").split("\n");
        List<String> steps = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            String s = line.strip();
            boolean heading = s.startsWith("#") || (s.startsWith("**") && s.endsWith("**") && s.length() > 4);
            if (heading) {
                if (in) {
                    break;
                }
                in = s.replaceAll("[#*:]", "").strip().toLowerCase(Locale.ROOT).startsWith("workaround");
                continue;
            }
            if (in && !s.isEmpty() && !s.startsWith("```") && steps.size() < 20) {
                steps.add(SafeText.line(s.replaceFirst("^([-*+]|[0-9]+[.)])\\s+", "")));
            }
        }
        return steps.isEmpty() ? Optional.empty()
                : Optional.of(new Workaround(TOPIC_WORKAROUND, steps, List.of(), List.of()));
    }

    private static String firstParagraph(String markdown) {
        for (String para : markdown.split("\n\\s*\n")) {
            String p = para.strip();
            if (!p.isEmpty() && !p.startsWith("#")) {
                String line = SafeText.line(p.replace('\n', ' '));
                return line.length() > 400 ? line.substring(0, 399) + "…" : line;
            }
        }
        return "";
    }

    static String bodhiUrl(String alias) {
        return "https://bodhi.fedoraproject.org/updates/" + alias;
    }
}
