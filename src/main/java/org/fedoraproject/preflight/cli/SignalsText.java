package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SignalJudge;

/** The readable report's Bodhi and Common Issues sections: Fedora's signals, apart from the curated incidents. */
final class SignalsText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private SignalsText() {
    }

    static void print(CheckReport report, PrintWriter out, ZoneId zone, Glyphs g) {
        boolean any = false;
        for (UpdateAssessment u : report.assessment().updates()) {
            Optional<BodhiUpdate> b = SignalJudge.bodhiOf(u.update(), report.signals());
            if (b.isEmpty() || (!b.get().warns() && b.get().status().equals("stable"))) {
                continue;
            }
            if (!any) {
                out.println("Bodhi feedback on pending updates");
                any = true;
            }
            BodhiUpdate x = b.get();
            out.println("  " + u.update().nevra().name() + " " + g.dash() + " " + x.alias() + ": " + x.status() + ", karma "
                    + x.karma() + (x.status().equals("testing") ? ", " + x.daysInTesting(report.at()) + " days in testing" : "")
                    + (x.rebootSuggested() ? ", reboot suggested" : "") + (x.severity().equals("unspecified") ? "" : ", severity "
                    + x.severity()));
            for (BodhiUpdate.Comment c : x.negative()) {
                out.println("      " + c.karma() + " " + c.author() + " (" + DAY.format(c.at().atZone(zone)) + "): "
                        + firstLine(c.text()));
            }
            x.bugs().forEach(bug -> out.println("      bug " + bug.id() + ": " + bug.title()));
            out.println("      " + x.url());
        }
        if (any) {
            out.println();
        }
        if (!report.signals().commonIssues().isEmpty()) {
            out.println("Fedora Common Issues for this release (" + report.signals().commonIssues().size() + " open)");
            java.util.Map<CommonIssue, java.util.List<String>> named = report.looselyNamed();
            for (CommonIssue i : report.signals().commonIssues()) {
                String loose = named.get(i).isEmpty() ? "" : "  [loose match: names " + String.join(", ", named.get(i)) + "]";
                out.println("  " + DAY.format(i.created().atZone(zone)) + "  " + i.title() + loose);
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
