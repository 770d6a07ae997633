package org.fedoraproject.preflight.signal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.machine.PendingUpdate;

/**
 * What the live signals add to an assessment. Negative karma, negative feedback or an unpushed
 * update makes an update "caution" with the evidence; Bodhi never makes one "hold" — that takes
 * a curated incident. A Common Issues topic is tied to a package only when its title names the
 * package as a word, and then only as a loose match.
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

    public static Optional<BodhiUpdate> bodhiOf(PendingUpdate u, Signals signals) {
        return buildOf(u, signals).map(signals.bodhiByBuild()::get);
    }

    /** The build, as Bodhi names it, by which this update was found. */
    public static Optional<String> buildOf(PendingUpdate u, Signals signals) {
        return candidates(u).stream().filter(signals.bodhiByBuild()::containsKey).findFirst();
    }

    public static Assessment apply(Assessment assessment, Signals signals) {
        List<UpdateAssessment> updates = new ArrayList<>();
        boolean raised = false;
        for (UpdateAssessment u : assessment.updates()) {
            Optional<BodhiUpdate> bodhi = bodhiOf(u.update(), signals);
            if (bodhi.isEmpty() || !bodhi.get().warns() || u.verdict() != UpdateVerdict.OK) {
                updates.add(u);
                continue;
            }
            BodhiUpdate b = bodhi.get();
            List<String> evidence = new ArrayList<>(u.evidence());
            evidence.add(u.update().nevra().name() + " " + u.update().nevra().evr() + ": Bodhi update " + b.alias() + " is "
                    + b.status() + " with karma " + b.karma()
                    + (b.negative().isEmpty() ? "" : " and " + b.negative().size() + " negative comment(s)"));
            updates.add(new UpdateAssessment(u.update(), u.from(), UpdateVerdict.CAUTION, u.incidents(), evidence));
            raised = true;
        }
        Verdict verdict = assessment.verdict() == Verdict.SAFE && raised ? Verdict.CAUTION : assessment.verdict();
        return new Assessment(verdict, updates, assessment.incidents());
    }

    /** Topics whose title names one of these packages as a word (names of 3 characters or more). */
    public static List<LooseMatch> looseMatches(List<CommonIssue> issues, Set<String> packageNames) {
        List<LooseMatch> matches = new ArrayList<>();
        for (CommonIssue issue : issues) {
            String title = issue.title().toLowerCase(Locale.ROOT);
            Set<String> named = new LinkedHashSet<>();
            for (String word : title.split("[^a-z0-9._+-]+")) {
                String w = word.replaceAll("^[.\\-]+|[.\\-]+$", "");
                if (w.length() >= 3 && packageNames.contains(w)) {
                    named.add(w);
                }
            }
            named.forEach(n -> matches.add(new LooseMatch(issue, n)));
        }
        return matches;
    }

}
