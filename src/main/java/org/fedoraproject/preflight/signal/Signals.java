package org.fedoraproject.preflight.signal;

import java.util.List;
import java.util.Map;

/**
 * Fedora's live signals for a check: the Bodhi updates of the pending updates (by build NVR),
 * the open Common Issues topics of the release, and each source's problem, if any (empty when
 * the source answered; "off" sources are simply absent).
 */
public record Signals(Map<String, BodhiUpdate> bodhiByBuild, List<CommonIssue> commonIssues, List<String> problems,
                      boolean bodhiChecked, boolean commonIssuesChecked) {

    public static final Signals NONE = new Signals(Map.of(), List.of(), List.of(), false, false);

    public Signals {
        bodhiByBuild = Map.copyOf(bodhiByBuild);
        commonIssues = List.copyOf(commonIssues);
        problems = List.copyOf(problems);
    }
}
