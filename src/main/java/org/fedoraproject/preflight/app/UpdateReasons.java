package org.fedoraproject.preflight.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.incident.Incident;
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

    /**
     * All the reasons, the one a table row shows beside its links (the first incident's title, or
     * the first reason of a caution without an incident), and whether it is a security update.
     */
    public record Why(List<Text> all, Optional<String> first, boolean security) {
        public Why {
            all = List.copyOf(all);
        }
    }

    private UpdateReasons() {
    }

    public static Why of(CheckReport report, UpdateAssessment u) {
        List<Text> reasons = new ArrayList<>();
        Optional<String> first = Optional.empty();
        for (String id : u.incidents()) {
            Optional<Incident> incident = report.assessment().incidents().stream().filter(i -> i.id().equals(id)).findFirst()
                    .map(i -> i.incident().incident());
            incident.ifPresent(i -> reasons.add(Text.of("why.incident", id, i.title(), Text.of("severity." + i.severity().id()))));
            first = first.or(() -> incident.map(Incident::title));
        }
        // An update not checked has the check's reason, which the banner says once, not on every row.
        if (u.verdict() != UpdateVerdict.OK && u.verdict().checked() && u.incidents().isEmpty()) {
            u.evidence().forEach(e -> reasons.add(Text.untranslated(e)));
            first = u.evidence().stream().findFirst();
        }
        // Last: the row's badge already says "Security"; what it fixes is what a hold leaves open.
        Optional<Advisory> advisory = SignalJudge.advisoryOf(u.update(), report.signals()).filter(a -> a.type().equals("security"));
        advisory.ifPresent(a -> reasons.add(Text.of(u.verdict() == UpdateVerdict.OK ? "why.security" : "why.securityHeld", a.id(),
                a.severity().isEmpty() ? Text.of("why.noSeverity") : a.severity())));
        return new Why(reasons, first, advisory.isPresent());
    }
}
