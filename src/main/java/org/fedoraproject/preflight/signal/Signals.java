package org.fedoraproject.preflight.signal;

import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.text.Problem;

/**
 * What Fedora's own sources said in a check: the Bodhi updates of the pending updates (by build
 * NVR and by alias), the advisories of the updateinfo, the open Common Issues topics of the
 * release (with their first posts), the bugs read from Bugzilla (CommonBugs, and those the topics
 * link), the open bugs filed against each pending update's component since its advisory was
 * issued, how each source stood, the problems met, and Fedora's releases (Bodhi's list).
 */
public record Signals(Map<String, BodhiUpdate> bodhiByBuild, Map<String, BodhiUpdate> bodhiByAlias, List<Advisory> advisories,
                      List<CommonIssue> commonIssues, List<Bug> bugs, Map<Nevra, List<Bug>> filedSince,
                      List<SourceState> sources, List<Problem> problems, List<Release> releases) {

    public static final Signals NONE = new Signals(Map.of(), Map.of(), List.of(), List.of(), List.of(), Map.of(), List.of(),
            List.of(), List.of());

    public Signals {
        bodhiByBuild = Map.copyOf(bodhiByBuild);
        bodhiByAlias = Map.copyOf(bodhiByAlias);
        advisories = List.copyOf(advisories);
        commonIssues = List.copyOf(commonIssues);
        bugs = List.copyOf(bugs);
        filedSince = Map.copyOf(filedSince);
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
        releases = List.copyOf(releases);
    }

    /** Bodhi's updates and the topics only (as the judge's tests build them). */
    public static Signals of(Map<String, BodhiUpdate> bodhiByBuild, List<CommonIssue> commonIssues) {
        return new Signals(bodhiByBuild, Map.of(), List.of(), commonIssues, List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    public boolean checked(String source) {
        return sources.stream().anyMatch(s -> s.source().equals(source) && s.state() != SourceState.State.OFF);
    }
}
