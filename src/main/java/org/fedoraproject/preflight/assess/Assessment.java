package org.fedoraproject.preflight.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The whole answer: the verdict, every pending update with its own, and the incidents that concern this system. */
public record Assessment(Verdict verdict, List<UpdateAssessment> updates, List<IncidentAssessment> incidents) {

    public Assessment {
        Objects.requireNonNull(verdict, "verdict");
        updates = List.copyOf(updates);
        incidents = List.copyOf(incidents);
    }

    /**
     * The same assessment for a check that could not compare the updates with any incident data:
     * an update with nothing against it is not checked ({@link UpdateVerdict#UNKNOWN}), not ok.
     * What was found against one (Bodhi's word, say) stays.
     */
    public Assessment unchecked(String why) {
        List<UpdateAssessment> marked = updates.stream().map(u -> u.verdict() != UpdateVerdict.OK ? u
                : new UpdateAssessment(u.update(), u.from(), UpdateVerdict.UNKNOWN, u.incidents(),
                        concat(u.evidence(), "not checked: " + why))).toList();
        return new Assessment(verdict, marked, incidents);
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** The names of the pending updates on hold, whatever the incident. */
    public Set<String> heldUpdates() {
        return updates.stream().filter(u -> u.verdict() == UpdateVerdict.HOLD).map(u -> u.update().nevra().name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of the pending updates with a known problem (held, or to take care with): "the rest" leaves them out. */
    public Set<String> updatesWithAProblem() {
        return updates.stream().filter(u -> u.verdict() == UpdateVerdict.HOLD || u.verdict() == UpdateVerdict.CAUTION)
                .map(u -> u.update().nevra().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** How many pending updates (each arch its own) have this verdict. */
    public long count(UpdateVerdict verdict) {
        return updates.stream().filter(u -> u.verdict() == verdict).count();
    }

    /**
     * Whether an installed package is known to be in an incident's range (a fix pending or not).
     * A range with no known start (a bug that says which release, not which version) does not
     * make a system affected, even when a pending update is past its fix.
     */
    public boolean affected() {
        return incidents.stream().anyMatch(i -> i.relation() == Relation.AFFECTED
                || i.relation() == Relation.FIX_AVAILABLE && i.affected().stream().anyMatch(AffectedInstall::broughtBySince));
    }
}
