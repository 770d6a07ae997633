package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.text.Messages;

/** The readable report's Bodhi and Common Issues sections: Fedora's signals, apart from the curated incidents. */
final class SignalsText {

    private SignalsText() {
    }

    static void print(CheckReport report, PrintWriter out, Messages m, Glyphs g) {
        boolean any = false;
        for (UpdateAssessment u : report.assessment().updates()) {
            Optional<BodhiUpdate> b = SignalJudge.bodhiOf(u.update(), report.signals());
            if (b.isEmpty() || (!b.get().warns() && b.get().status().equals("stable"))) {
                continue;
            }
            if (!any) {
                out.println(m.get("cli.signals.bodhi"));
                any = true;
            }
            BodhiUpdate x = b.get();
            out.println("  " + u.update().nevra().name() + " " + g.dash() + " " + m.get("cli.signals.update", x.alias(), x.status(),
                    Integer.toString(x.karma()))
                    + (x.status().equals("testing") ? m.get("cli.signals.daysInTesting", x.daysInTesting(report.at())) : "")
                    + (x.rebootSuggested() ? m.get("cli.signals.reboot") : "")
                    + (x.severity().equals("unspecified") ? "" : m.get("cli.signals.severity", x.severity())));
            for (BodhiUpdate.Comment c : x.shownNegative()) {
                // A comment without a date shows none, never 1970.
                out.println("      " + c.karma() + " " + c.author() + (c.at().equals(Instant.EPOCH) ? "" : " (" + m.day(c.at()) + ")")
                        + ": " + firstLine(c.text()));
            }
            if (x.negative().size() > x.shownNegative().size()) {
                out.println("      " + m.get("cli.signals.moreComments", x.negative().size() - x.shownNegative().size()));
            }
            x.shownBugs().forEach(bug -> out.println("      " + m.get("cli.signals.bug", Long.toString(bug.id()), bug.title())));
            if (x.bugs().size() > x.shownBugs().size()) {
                out.println("      " + m.get("cli.signals.moreBugs", x.bugs().size() - x.shownBugs().size()));
            }
            out.println("      " + x.url());
        }
        if (any) {
            out.println();
        }
        if (!report.signals().commonIssues().isEmpty()) {
            out.println(m.get("cli.signals.commonIssues", report.signals().commonIssues().size()));
            Map<CommonIssue, List<String>> named = report.looselyNamed();
            for (CommonIssue i : report.signals().commonIssues()) {
                String loose = named.get(i).isEmpty() ? "" : "  " + m.get("cli.signals.loose", named.get(i));
                out.println("  " + m.day(i.created()) + "  " + i.title() + loose);
                out.println("      " + i.url());
            }
            out.println();
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
