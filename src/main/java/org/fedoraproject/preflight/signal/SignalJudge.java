package org.fedoraproject.preflight.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.PendingUpdate;

/**
 * What the live signals add to an assessment (see {@link #apply}). A Common Issues topic's
 * title is tied to a package only when it names the package as a word, and then only as a loose
 * match; the topics' first posts become incidents in {@link DerivedIncidents}.
 */
public final class SignalJudge {

    /** A Common Issues topic whose title names a package of this system. */
    public record LooseMatch(CommonIssue issue, String packageName) {
    }

    private SignalJudge() {
    }

    /** The build NVR Bodhi knows a pending update by (name-version-release, no epoch or arch). */
    public static String nvr(PendingUpdate u) {
        return u.nevra().name() + "-" + u.nevra().evr().version() + "-" + u.nevra().evr().release();
    }

    /**
     * The build NVRs Bodhi may know this update by, likeliest first: its own name, then the
     * shorter names its source package may have (mesa-dri-drivers-25.1.6-1.fc43 may come from
     * mesa-dri-25.1.6-1.fc43 or mesa-25.1.6-1.fc43). dnf's list of updates does not name the
     * source package; a build with the same version and release and a name the package's name
     * begins with is its source package in practice.
     */
    public static List<String> candidates(PendingUpdate u) {
        List<String> names = new ArrayList<>();
        String name = u.nevra().name();
        names.add(name);
        for (int dash = name.lastIndexOf('-'); dash > 0; dash = name.lastIndexOf('-', dash - 1)) {
            names.add(name.substring(0, dash));
        }
        String vr = "-" + u.nevra().evr().version() + "-" + u.nevra().evr().release();
        return names.stream().map(n -> n + vr).toList();
    }

    /**
     * The Bodhi update of a pending update: the one of its advisory (updateinfo names it exactly),
     * else the one found by its build's likely names.
     */
    public static Optional<BodhiUpdate> bodhiOf(PendingUpdate u, Signals signals) {
        Optional<BodhiUpdate> byAdvisory = advisoryOf(u, signals).map(a -> signals.bodhiByAlias().get(a.id()));
        return byAdvisory.isPresent() ? byAdvisory : buildOf(u, signals).map(signals.bodhiByBuild()::get);
    }

    /** The advisory of the updateinfo that ships this pending update. */
    public static Optional<Advisory> advisoryOf(PendingUpdate u, Signals signals) {
        return signals.advisories().stream().filter(a -> a.ships(u.nevra())).findFirst();
    }

    /** The build, as Bodhi names it, by which this update was found. */
    public static Optional<String> buildOf(PendingUpdate u, Signals signals) {
        return candidates(u).stream().filter(signals.bodhiByBuild()::containsKey).findFirst();
    }

    /**
     * Bodhi's word and the bugs filed since: an unpushed update is a hold (Bodhi took it back: the
     * strongest evidence Bodhi has); negative karma or negative feedback, or an urgent or high
     * severity bug filed against the component since the update was issued, a caution.
     */
    public static Assessment apply(Assessment assessment, Signals signals) {
        List<UpdateAssessment> updates = new ArrayList<>();
        boolean raised = false;
        boolean held = false;
        for (UpdateAssessment u : assessment.updates()) {
            Optional<BodhiUpdate> bodhi = bodhiOf(u.update(), signals);
            List<Bug> filed = signals.filedSince().getOrDefault(u.update().nevra(), List.of());
            List<String> evidence = new ArrayList<>(u.evidence());
            UpdateVerdict verdict = u.verdict();
            String name = u.update().nevra().name() + " " + u.update().nevra().evr();
            if (bodhi.isPresent() && bodhi.get().warns()) {
                BodhiUpdate b = bodhi.get();
                boolean unpushed = b.status().equals("unpushed");
                // Karma at Bodhi's unstable threshold is where Bodhi itself takes a testing update back.
                boolean withdrawn = unpushed || b.unstable();
                evidence.add(name + ": " + (withdrawn ? "derived from Bodhi: " : "negative feedback in Bodhi: ") + "update "
                        + b.alias() + " is " + b.status() + " with karma " + b.karma()
                        + (b.negative().isEmpty() ? "" : " and " + b.negative().size() + " negative comment(s)")
                        + (b.unstable() ? ", at or below its unstable threshold (" + b.unstableKarma()
                                + "), where Bodhi withdraws an update in testing" : "")
                        + b.shownNegative().stream().map(c -> "; " + c.author() + ": \"" + firstLine(c.text()) + "\"")
                                .collect(Collectors.joining()));
                verdict = verdict.worst(withdrawn ? UpdateVerdict.HOLD : UpdateVerdict.CAUTION);
            }
            if (!filed.isEmpty()) {
                List<Bug> serious = filed.stream().filter(b -> b.severity().equals("urgent") || b.severity().equals("high")).toList();
                evidence.add(name + ": derived from Bugzilla: " + filed.size() + " open bug(s) filed since its update was issued"
                        + (serious.isEmpty() ? "" : ", " + serious.size() + " of urgent or high severity: " + serious.stream()
                                .map(b -> "bug " + b.id() + " (" + b.summary() + ")").collect(Collectors.joining(", "))));
                if (!serious.isEmpty()) {
                    verdict = verdict.worst(UpdateVerdict.CAUTION);
                }
            }
            if (verdict == u.verdict() && evidence.size() == u.evidence().size()) {
                updates.add(u);
                continue;
            }
            raised |= verdict.ordinal() > u.verdict().ordinal() && verdict == UpdateVerdict.CAUTION;
            held |= verdict == UpdateVerdict.HOLD && u.verdict() != UpdateVerdict.HOLD;
            updates.add(new UpdateAssessment(u.update(), u.from(), verdict, u.incidents(), evidence));
        }
        Verdict verdict = assessment.verdict();
        if (held) {
            verdict = Verdict.HOLD;
        } else if (raised && verdict == Verdict.SAFE) {
            verdict = Verdict.CAUTION;
        }
        return new Assessment(verdict, updates, assessment.incidents());
    }

    /** The first line of a comment, at most 120 characters: enough to say why, never a wall of text. */
    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    /** Topics whose title names one of these packages unambiguously ({@link PackageMentions}). */
    public static List<LooseMatch> looseMatches(List<CommonIssue> issues, Set<String> packageNames) {
        List<LooseMatch> matches = new ArrayList<>();
        for (CommonIssue issue : issues) {
            PackageMentions mentions = PackageMentions.in(issue.title(), issue.tags());
            new TreeSet<>(packageNames).stream().filter(mentions::names)
                    .forEach(n -> matches.add(new LooseMatch(issue, n)));
        }
        return matches;
    }

}
