package org.fedoraproject.preflight.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.Nvr;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.Bug;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.DerivedIncidents;

/**
 * Drafts of incidents from Fedora's own data, through the same adapters (base URLs, deadlines,
 * hostile-input rules) as the check. What the data gives is filled in; what it cannot give is a
 * {@link DeskIncident#GAP} that publish refuses. A draft's ID comes from its origin (the update's
 * alias, the bug's number), so two members never take the same ID for two incidents, and a second
 * draft of the same origin is refused as the duplicate it is.
 */
public final class Drafts {

    /** Why there is no draft, in a person's words, naming the source. */
    public static final class NoDraft extends Exception {
        private static final long serialVersionUID = 1L;

        NoDraft(String message) {
            super(message);
        }
    }

    /** A topic's number: the last number of its URL (/t/slug/160042, /t/160042/3 is post 3 of 160042), or the number alone. */
    static final Pattern TOPIC = Pattern.compile("(?:/t/(?:[^/]*[^/0-9][^/]*/)?([0-9]{1,10})(?:/[0-9]+)?/?$)|^([0-9]{1,10})$");
    static final Pattern ALIAS = Pattern.compile("FEDORA-(\\d{4})-([0-9a-f]{10})");

    private final SignalSources sources;
    private final Clock clock;

    public Drafts(SignalSources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    /** From a Bodhi update: its builds introduced the problem; the last stable build of each before it is the last good. */
    public DeskIncident fromUpdate(String alias) throws NoDraft {
        Matcher m = ALIAS.matcher(alias);
        if (!m.matches()) {
            throw new NoDraft("\"" + alias + "\" is not a Bodhi update ID (FEDORA-YYYY-xxxxxxxxxx)");
        }
        BodhiUpdate update = one(sources.bodhiByAlias(List.of(alias), false), "Bodhi", "update " + alias).stream()
                .filter(u -> u.alias().equals(alias)).findFirst()
                .orElseThrow(() -> new NoDraft("Bodhi has no update " + alias));
        Optional<String> release = update.fedoraRelease();
        Instant before = update.stable().or(update::submitted).orElse(clock.instant());
        List<DeskIncident.Entry> affected = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String build : update.builds()) {
            Optional<Nvr> nvr = nvr(build);
            if (nvr.isEmpty()) {
                notes.add("Bodhi's build \"" + build + "\" is no name-version-release; left out.");
                continue;
            }
            String name = nvr.get().name();
            String evr = evr(nvr.get(), update.buildEpochs().getOrDefault(build, 0L));
            String lastGood = release.isEmpty() ? gap("the last good version of " + name)
                    : lastStableBefore(name, update.release(), before, alias)
                            .orElse(gap("the last good version of " + name + ": Bodhi has no stable build of it before " + alias));
            affected.add(new DeskIncident.Entry(name, name, evr, "", lastGood));
        }
        if (affected.isEmpty()) {
            throw new NoDraft("Bodhi's update " + alias + " has no builds to draft an incident from");
        }
        Instant now = now();
        String since = update.stable().map(t -> ", stable since " + t.atZone(ZoneOffset.UTC).toLocalDate()).orElse(", not stable yet");
        String text = "Drafted from Bodhi update " + alias + " (" + String.join(", ", update.builds()) + since + ")."
                + (notes.isEmpty() ? "" : " " + String.join(" ", notes));
        return new DeskIncident("FPS-" + m.group(1) + "-" + m.group(2), gap("what users notice, in one line"), "investigating",
                gap("critical, major or minor"), release.map(List::of).orElse(List.of(gap("the release"))), List.of(), List.of(),
                now, now, Optional.empty(), affected, List.of(alias), List.of(), "", "",
                List.of(new DeskIncident.LinkRef("update", update.url())), List.of(new DeskIncident.Event(now, "investigating", text)),
                gap("what happens, to whom, since which update"), gap("what users can do meanwhile, or \"None known.\""), "");
    }

    /**
     * From a Bugzilla bug: its component, release, summary and link; the Bodhi updates that name it
     * as fix candidates; the newest stable update of the component before the bug was filed as the
     * suspect, a suggestion to confirm (a gap), with the stable build before that as the last good.
     */
    public DeskIncident fromBug(long id) throws NoDraft {
        Bug bug = one(sources.bugs(List.of(id), false), "Bugzilla", "bug " + id).stream().filter(b -> b.id() == id).findFirst()
                .orElseThrow(() -> new NoDraft("Bugzilla has no bug " + id + " (or it is private)"));
        Optional<String> release = bug.versions().stream().filter(v -> v.matches("[0-9]{1,3}")).findFirst();
        List<BodhiUpdate> candidates = one(sources.bodhiByBug(id, false), "Bodhi", "updates naming bug " + id);
        List<DeskIncident.Entry> affected = new ArrayList<>();
        String component = bug.component();
        List<String> bad = new ArrayList<>();
        if (release.isPresent() && !component.isEmpty()) {
            List<BodhiUpdate> stable = one(sources.bodhiStable(component, "F" + release.get(), false), "Bodhi",
                    "stable updates of " + component);
            List<BodhiUpdate> before = stable.stream().filter(u -> u.stable().filter(t -> t.isBefore(bug.created())).isPresent())
                    .sorted(Comparator.comparing((BodhiUpdate u) -> u.stable().orElseThrow()).reversed()).toList();
            Optional<String> suspect = before.stream().findFirst().flatMap(u -> buildOf(u, component));
            Optional<String> lastGood = before.stream().skip(1).findFirst().flatMap(u -> buildOf(u, component));
            affected.add(new DeskIncident.Entry(component, component,
                    suspect.map(evr -> gap("confirm " + evr + " (" + before.get(0).alias()
                            + ", the newest stable update of " + component + " before the bug was filed)"))
                            .orElse(gap("the version of " + component + " that brought the problem")),
                    "", lastGood.orElse(gap("the last good version of " + component))));
            before.stream().findFirst().ifPresent(u -> bad.add(u.alias()));
        } else {
            affected.add(new DeskIncident.Entry(component.isEmpty() ? gap("the package") : component, component,
                    gap("the version that brought the problem"), "", gap("the last good version")));
        }
        Instant now = now();
        List<String> fixes = candidates.stream().filter(u -> u.status().equals("testing") || u.status().equals("stable"))
                .map(BodhiUpdate::alias).toList();
        String text = "Drafted from bug " + id + " (" + component + ", filed " + bug.created().atZone(ZoneOffset.UTC).toLocalDate()
                + ")." + (fixes.isEmpty() ? "" : " Updates that name it: " + String.join(", ", fixes) + ".");
        List<DeskIncident.LinkRef> links = new ArrayList<>();
        links.add(new DeskIncident.LinkRef("tracker", bug.url()));
        candidates.forEach(u -> links.add(new DeskIncident.LinkRef("update", u.url())));
        return new DeskIncident("FPS-RHBZ-" + id, bug.summary().isBlank() ? gap("what users notice, in one line") : bug.summary(),
                "investigating", gap("critical, major or minor"), release.map(List::of).orElse(List.of(gap("the release"))),
                List.of(), List.of(), now, now, Optional.empty(), affected, bad, fixes, "", "", links,
                List.of(new DeskIncident.Event(now, "investigating", text)),
                gap("what happens, to whom, since which update"), gap("what users can do meanwhile, or \"None known.\""), "");
    }

    /**
     * From a Common Issues topic (its URL or number): its title, its release tag (f43), its first
     * post as the summary to edit, the bugs it links as trackers; the packages and versions are gaps.
     */
    public DeskIncident fromTopic(String topic) throws NoDraft {
        Matcher m = TOPIC.matcher(topic.strip());
        if (!m.find()) {
            throw new NoDraft("\"" + topic + "\" is not a Discourse topic (its URL, or its number)");
        }
        long id = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        CommonIssue issue = one(sources.topic(id, false), "Discourse", "topic " + id).stream().findFirst()
                .orElseThrow(() -> new NoDraft("Discourse has no topic " + id + " (or it is private)"));
        Optional<String> release = issue.tags().stream().filter(t -> t.matches("f[0-9]{1,3}")).map(t -> t.substring(1)).findFirst();
        List<DeskIncident.LinkRef> links = new ArrayList<>();
        links.add(new DeskIncident.LinkRef("discussion", issue.url().startsWith("https://") ? issue.url()
                : "https://discussion.fedoraproject.org/t/" + id));
        String post = issue.firstPost().orElse("");
        Matcher bugs = DerivedIncidents.BUG_LINK.matcher(post);
        List<String> seen = new ArrayList<>();
        while (bugs.find()) {
            if (!seen.contains(bugs.group(1))) {
                seen.add(bugs.group(1));
                links.add(new DeskIncident.LinkRef("tracker", "https://bugzilla.redhat.com/show_bug.cgi?id=" + bugs.group(1)));
            }
        }
        Instant now = now();
        String text = "Drafted from Common Issues topic " + id + " (opened " + issue.created().atZone(ZoneOffset.UTC).toLocalDate()
                + ").";
        return new DeskIncident("FPS-T-" + id, issue.title(), "investigating", gap("critical, major or minor"),
                release.map(List::of).orElse(List.of(gap("the release"))), List.of(), List.of(), now, now, Optional.empty(),
                List.of(new DeskIncident.Entry(gap("the package"), "", gap("the version that brought the problem"), "",
                        gap("the last good version"))), List.of(), List.of(), "", "", links,
                List.of(new DeskIncident.Event(now, "investigating", text)),
                post.isBlank() ? gap("what happens, to whom, since which update") : gap("edit the topic's first post below into a "
                        + "summary") + "\n\n" + post.strip(),
                gap("what users can do meanwhile, or \"None known.\""), "");
    }

    /** Now, to the second: a desk file is read by people, in diffs. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The EVR of the newest build of {@code name} that reached stable before {@code before}, other than the update itself. */
    private Optional<String> lastStableBefore(String name, String bodhiRelease, Instant before, String alias) throws NoDraft {
        return one(sources.bodhiStable(name, bodhiRelease, false), "Bodhi", "stable updates of " + name).stream()
                .filter(u -> !u.alias().equals(alias) && u.stable().filter(t -> t.isBefore(before)).isPresent())
                .max(Comparator.comparing((BodhiUpdate u) -> u.stable().orElseThrow()))
                .flatMap(u -> buildOf(u, name));
    }

    private static Optional<String> buildOf(BodhiUpdate u, String name) {
        return u.builds().stream().map(b -> nvr(b).filter(n -> n.name().equals(name)).map(n -> evr(n, u.buildEpochs().getOrDefault(b, 0L))))
                .flatMap(Optional::stream).findFirst();
    }

    /** The package name of a build's name-version-release (the whole text when it is none). */
    static String nameOf(String build) {
        return nvr(build).map(Nvr::name).orElse(build);
    }

    /** A build's name-version-release, as rpm's rules read it; none for a build name that is not one. */
    private static Optional<Nvr> nvr(String build) {
        try {
            return Optional.of(Nvr.parse(build));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    /** The build's version-release with the epoch Bodhi gives for it (an NVR carries none). */
    private static String evr(Nvr nvr, long epoch) {
        return (epoch > 0 ? epoch + ":" : "") + nvr.evr().versionRelease();
    }

    private static <T> List<T> one(SignalSources.Read<T> read, String source, String what) throws NoDraft {
        if (read.items().isEmpty() && read.problem().isPresent()) {
            throw new NoDraft(source + " could not be asked for " + what + ": " + read.problem().get());
        }
        return read.items();
    }

    static String gap(String what) {
        return DeskIncident.GAP + ": " + what;
    }
}
