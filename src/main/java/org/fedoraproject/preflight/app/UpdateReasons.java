package org.fedoraproject.preflight.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.text.Text;

/**
 * Why a pending update has its verdict, in sentences: the incidents it concerns by title, the
 * evidence from Fedora's sources (Bodhi's karma and its first negative comment), and its advisory when it is a
 * security update — whose hold leaves the advisory's fixes out. Every row that is not OK says
 * these; a security update says it is one whatever its verdict.
 */
public final class UpdateReasons {

    private UpdateReasons() {
    }

    public static List<Text> of(CheckReport report, UpdateAssessment u) {
        List<Text> reasons = new ArrayList<>();
        Optional<Advisory> advisory = security(report, u);
        for (String id : u.incidents()) {
            report.assessment().incidents().stream().filter(i -> i.id().equals(id)).findFirst().map(IncidentAssessment::incident)
                    .ifPresent(i -> reasons.add(Text.of("why.incident", id, i.incident().title(),
                            Text.of("severity." + i.incident().severity().id()))));
        }
        // An update not checked has the check's reason, which the banner says once, not on every row.
        if (u.verdict() != UpdateVerdict.OK && u.verdict().checked() && u.incidents().isEmpty()) {
            u.evidence().forEach(e -> reasons.add(Text.untranslated(e)));
        }
        // Last: the row's badge already says "Security"; what it fixes is what a hold leaves open.
        advisory.ifPresent(a -> reasons.add(Text.of(u.verdict() == UpdateVerdict.OK ? "why.security" : "why.securityHeld", a.id(),
                a.severity().isEmpty() ? Text.of("why.noSeverity") : a.severity())));
        return reasons;
    }

    /** The update's advisory, when it is a security one. */
    public static Optional<Advisory> security(CheckReport report, UpdateAssessment u) {
        return SignalJudge.advisoryOf(u.update(), report.signals()).filter(a -> a.type().equals("security"));
    }
}
