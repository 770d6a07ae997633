package org.fedoraproject.preflight.app;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.assess.UpgradeAssessment;
import org.fedoraproject.preflight.machine.StagedUpgrade;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Text;

/**
 * What {@code check --upgrade} found: the release asked about (empty when none could be told),
 * the assessment, the open Common Issues of that release, a staged upgrade, the feeds and
 * sources it rests on, and why it is incomplete.
 */
public record UpgradeReport(String from, Optional<UpgradeAssessment> assessment, List<CommonIssue> commonIssues,
                            List<StagedUpgrade> staged, List<FeedStatus> feeds, List<SourceState> sources,
                            List<Text> cannotCheck, List<Text> warnings, Instant at) {

    public UpgradeReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(assessment, "assessment");
        commonIssues = List.copyOf(commonIssues);
        staged = List.copyOf(staged);
        feeds = List.copyOf(feeds);
        sources = List.copyOf(sources);
        cannotCheck = List.copyOf(cannotCheck);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(at, "at");
    }

    public boolean complete() {
        return cannotCheck.isEmpty() && assessment.isPresent();
    }
}
