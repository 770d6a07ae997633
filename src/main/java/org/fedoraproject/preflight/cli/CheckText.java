package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckSummary;
import org.fedoraproject.preflight.app.DemoSystem;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Since;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.incident.Evidence;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Messages;

/** The readable report: the verdict first, then what to do, then the details and how fresh the data is. */
final class CheckText {

    private CheckText() {
    }

    static void print(CheckReport report, PrintWriter out, Messages m, Colour colour) {
        print(report, out, m, Glyphs.forTerminal(), colour);
    }

    static void print(CheckReport report, PrintWriter out, Messages m, Glyphs g) {
        print(report, out, m, g, Colour.OFF);
    }

    static void print(CheckReport report, PrintWriter out, Messages m, Glyphs g, Colour colour) {
        Assessment a = report.assessment();
        // Text from feeds and Fedora's sources is cleaned before the colour goes around it.
        CheckSummary summary = CheckSummary.of(report);
        String headline = SafeText.line(headline(report, summary, g, m));
        out.println(!report.complete() ? colour.couldNot(headline) : colour.verdict(report.verdictToActOn(), headline));
        if (summary.offline()) {
            out.println(m.get(report.complete() ? "cli.check.offline" : "cli.check.offlineNothingKept"));
        }
        if (report.partial()) {
            out.println(m.render(report.notCheckedSentence("cli.check.notChecked")));
        }
        out.println();
        List<String> todo = todo(summary, g, m);
        if (!todo.isEmpty()) {
            out.println(m.get("cli.check.todo"));
            todo.forEach(t -> out.println("  " + g.bullet() + " " + t));
            out.println();
        }
        printUpdates(report, out, m, g);
        printIncidents(a, out, m);
        report.release().ifPresent(r -> {
            r.ignored().forEach(i -> out.println(m.get("cli.check.releaseIgnored", i)));
            if (r.pastEnd()) {
                out.println(m.get("cli.check.releasePastEnd", r.version(), r.supportEnd().get())
                        + r.newestStable().map(n -> " " + m.get("cli.check.releaseUpgrade", n, "preflight check --upgrade " + n)).orElse(""));
                out.println();
            } else if (r.nearEnd()) {
                out.println(m.get("cli.check.releaseNearEnd", r.version(), r.supportEnd().get(), r.daysLeft())
                        + r.newestStable().map(n -> " " + m.get("cli.check.releaseNewer", n)).orElse(""));
                out.println();
            }
        });
        printPrepared(report, out, m);
        report.oldMetadata().ifPresent(t -> {
            out.println(m.get("cli.check.metadataOld", m.ago(t, report.at()), "preflight check --refresh"));
            out.println();
        });
        SignalsText.print(report, out, m, g);
        printData(report, out, m, g);
    }

    /** The word for an update's verdict, as the window says it. */
    static String verdict(UpdateVerdict v, Messages m) {
        return m.get("verdict." + (v.checked() ? v.id() : "unknown"));
    }

    /**
     * One line an update: its verdict, name, versions, what it replaces (an obsoleting package), its
     * advisory as {@code dnf updateinfo list} shows it (id, then "Important/Sec." or the type), and
     * the incidents it concerns.
     */
    private static void printUpdates(CheckReport report, PrintWriter out, Messages m, Glyphs g) {
        Assessment a = report.assessment();
        if (a.updates().isEmpty()) {
            return;
        }
        out.println(m.get("cli.check.updates", a.updates().size()));
        int width = a.updates().stream().mapToInt(u -> u.update().nevra().name().length()).max().orElse(10);
        int verdictWidth = Arrays.stream(UpdateVerdict.values()).mapToInt(v -> verdict(v, m).length()).max().orElse(11);
        for (UpdateAssessment u : a.updates()) {
            String from = u.from().map(Object::toString).orElse(m.get("cli.check.new"));
            String replaces = u.update().isObsoleting() ? "  " + m.get("cli.check.replaces",
                    u.update().obsoletes().stream().map(n -> n.name()).distinct().toList()) : "";
            String advisory = SignalJudge.advisoryOf(u.update(), report.signals())
                    .map(x -> "  " + x.id() + " " + (x.type().equals("security") && !x.severity().isEmpty() ? x.severity() + "/Sec."
                            : x.type())).orElse("");
            out.printf("  %-" + verdictWidth + "s %-" + width + "s  %s %s %s%s%s%s%n", verdict(u.verdict(), m),
                    u.update().nevra().name(), from, g.arrow(), u.update().nevra().evr(), replaces, advisory,
                    u.incidents().isEmpty() ? "" : "   " + String.join(", ", u.incidents()));
        }
        out.println();
    }

    private static void printIncidents(Assessment a, PrintWriter out, Messages m) {
        if (a.incidents().isEmpty()) {
            return;
        }
        out.println(m.get("cli.check.incidents"));
        for (IncidentAssessment i : a.incidents()) {
            Incident incident = i.incident().incident();
            out.printf("  %s  %s%n      %s%n", incident.id(), m.get("cli.check.incidentState",
                    m.get("relation." + i.relation().id()), m.get("severity." + incident.severity().id()),
                    m.get("status." + incident.status().id())), incident.title());
            if (i.incident().derived()) {
                out.println("      " + m.get("cli.check.derived", i.incident().source()));
            }
            for (Evidence e : i.incident().evidence()) {
                out.println("      " + m.render(e.label()) + (e.url().isEmpty() ? "" : "  " + e.url()));
            }
            for (AffectedInstall install : i.affected()) {
                Since since = install.since();
                String name = install.installed().nevra().name();
                String evr = install.installed().nevra().evr().toString();
                out.println("      " + (since.fromHistory()
                        ? m.get("cli.check.installedSince", name, evr, since.source(), Long.toString(since.transaction()),
                                since.date(), since.replaced().isEmpty() ? 0 : 1,
                                since.replaced().isEmpty() ? "" : since.replaced().get(0).evr().toString())
                        : m.get("cli.check.installedAt", name, evr, since.date())));
            }
            if (incident.status().isOpen()) {
                incident.fix().expected().ifPresent(d -> out.println("      " + m.get("cli.check.fixExpected", d)));
            }
        }
        out.println();
    }

    /** The last offline update, when it failed (a prepared one that installs a held version is the first thing to do). */
    private static void printPrepared(CheckReport report, PrintWriter out, Messages m) {
        var pk = report.packageKit();
        pk.lastOffline().filter(r -> !r.success()).ifPresent(r -> {
            out.println(r.error().isEmpty() ? m.get("cli.check.lastOfflineFailed") : m.get("cli.check.lastOfflineFailedWhy", r.error()));
            out.println();
        });
    }

    private static void printData(CheckReport report, PrintWriter out, Messages m, Glyphs g) {
        out.println(m.get("cli.check.data"));
        for (FeedStatus f : report.feeds()) {
            String state = f.feed().isEmpty() ? m.get("cli.check.feedNoData")
                    : m.get("cli.check.feedGenerated", f.generated().get())
                            + f.fetched().map(t -> m.get("cli.check.feedFetched", m.ago(t, report.at()))).orElse("")
                            + (f.fromCache() ? m.get("cli.check.feedKept") : "")
                            + (f.stale() ? m.get("cli.check.feedStale", g.dash()) : "");
            String feed = f.url().equals(DemoSystem.FEED_SOURCE) ? m.get("cli.check.demoFeed")
                    : f.url().contains("://") ? f.url() : "(" + f.url() + ")";
            out.println("  " + m.get("cli.check.feed", feed, state));
            f.problem().ifPresent(e -> out.println("    " + m.get("cli.check.feedProblem", e.what())));
            if (!f.problems().isEmpty()) {
                out.println("    " + m.get("cli.check.feedSkipped",
                        f.problems().stream().filter(p -> p.message().equals("incident skipped")).count(), "preflight feed lint"));
            }
        }
        for (SourceState s : report.signals().sources()) {
            String state = switch (s.state()) {
                case ANSWERED -> s.asOf().map(t -> m.get("cli.check.sourceAnsweredAt", m.ago(t, report.at())))
                        .orElse(m.get("cli.check.sourceAnswered"));
                case REUSED -> m.get("cli.check.sourceReusedFrom", m.ago(s.asOf().orElse(report.at()), report.at()));
                case KEPT -> s.asOf().map(t -> m.get("cli.check.sourceKeptFrom", m.ago(t, report.at())))
                        .orElse(m.get("cli.check.sourceKept"));
                case FAILED -> m.get("cli.check.sourceFailed");
                case OFF -> m.get("cli.check.sourceOff");
            };
            out.println("  " + s.source() + ": " + state + s.problem().map(p -> " (" + m.render(p.said()) + ")").orElse(""));
        }
        out.println("  " + report.metadataTime().map(t -> m.get("cli.check.metadataFrom", t, m.ago(t, report.at())))
                .orElse(m.get("cli.check.metadataUnknown")));
        report.system().problems().forEach(p -> out.println("  " + m.get("cli.check.couldNotRead", p.source(), p.reason())));
    }

    /** The headline of the summary's kind, in the terminal's words. */
    static String headline(CheckReport report, CheckSummary summary, Glyphs g, Messages m) {
        Assessment a = report.assessment();
        return switch (summary.headline()) {
            case UNKNOWN -> m.get("cli.check.couldNot", g.dash(), report.cannotCheck().get(0));
            case HOLD -> m.get("cli.check.headline.hold", g.dash(), a.count(UpdateVerdict.HOLD), a.updates().size());
            case CAUTION -> m.get("cli.check.headline.caution", g.dash(), a.count(UpdateVerdict.CAUTION));
            case AFFECTED -> m.get("cli.check.headline.affected", g.dash());
            case CONCERNS -> m.get("cli.check.headline.concerns", g.dash());
            case PARTIAL_SAFE -> m.get("cli.check.headline.partialSafe", g.dash(), m.render(report.partialSafeTitle("cli.check.toldBy")));
            case FIX -> m.get("cli.check.headline.fix", g.dash());
            case SAFE -> m.get("cli.check.headline.safe", g.dash());
        };
    }

    /** Each thing to do, as one line: its sentence, then its command. */
    static List<String> todo(CheckSummary summary, Glyphs g, Messages m) {
        return summary.todo().stream().map(t -> g.fit(t.command().map(c -> m.get("cli.check.todo.command", t.text(), c))
                .orElse(m.render(t.text())))).toList();
    }
}
