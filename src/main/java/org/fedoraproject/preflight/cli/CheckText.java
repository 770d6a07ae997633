package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.DemoSystem;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.Since;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.feed.FeedStatus;
import org.fedoraproject.preflight.guide.HoldAdvice;
import org.fedoraproject.preflight.guide.ShellCommand;
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
        out.println(!report.complete() ? colour.couldNot(SafeText.line(m.get("cli.check.couldNot", g.dash(), report.cannotCheck().get(0))))
                : colour.verdict(report.verdictToActOn(), SafeText.line(report.partial() && a.verdict() == Verdict.SAFE
                        ? m.get("cli.check.headline.partialSafe", g.dash(), m.render(report.partialSafeTitle("cli.check.toldBy")))
                        : headline(a, g, m))));
        if (report.partial()) {
            out.println(m.render(report.notCheckedSentence("cli.check.notChecked")));
        }
        out.println();
        List<String> todo = todo(report, g, m);
        if (!todo.isEmpty()) {
            out.println(m.get("cli.check.todo"));
            todo.forEach(t -> out.println("  " + g.bullet() + " " + t));
            out.println();
        }
        printUpdates(report, out, m, g);
        printIncidents(a, out, m);
        printHolds(report, out, m);
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
        report.metadataTime().filter(t -> t.isBefore(report.at().minus(Duration.ofHours(24)))).ifPresent(t -> {
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

    private static void printHolds(CheckReport report, PrintWriter out, Messages m) {
        if (report.holds().isEmpty()) {
            return;
        }
        out.println(m.get("cli.check.holds"));
        for (HoldAdvice h : report.holds()) {
            if (!h.pinsAffected().isEmpty()) {
                String delete = h.release().map(ShellCommand::display).orElse("versionlock delete " + h.name());
                out.println("  " + (h.hiddenFix().isPresent()
                        ? m.get("cli.check.lockHidesFix", h.name(), h.pinsAffected(), h.hiddenFix().get().toString(), delete)
                        : m.get("cli.check.lockKeepsAffected", h.name(), h.pinsAffected(), delete, "preflight guide " + h.pinsAffected().get(0))));
            } else if (h.canRelease()) {
                out.println("  " + m.get("cli.check.lockRelease", h.name(), h.resolvedIncidents(), h.release().get().display()));
            } else {
                out.println("  " + m.get("cli.check.lockKeep", h.name(), h.openIncidents()));
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
            f.problem().ifPresent(e -> out.println("    " + m.get("cli.check.feedProblem", e)));
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
            out.println("  " + s.source() + ": " + state + s.problem().map(p -> " (" + p + ")").orElse(""));
        }
        out.println("  " + report.metadataTime().map(t -> m.get("cli.check.metadataFrom", t, m.ago(t, report.at())))
                .orElse(m.get("cli.check.metadataUnknown")));
        report.system().problems().forEach(p -> out.println("  " + m.get("cli.check.couldNotRead", p.source(), p.reason())));
    }

    static String headline(Assessment a, Glyphs g, Messages m) {
        long held = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.HOLD).count();
        long careful = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.CAUTION).count();
        if (a.verdict() == Verdict.HOLD) {
            return m.get("cli.check.headline.hold", g.dash(), held, a.updates().size());
        }
        if (a.verdict() == Verdict.CAUTION) {
            return careful > 0 ? m.get("cli.check.headline.caution", g.dash(), careful)
                    : m.get("cli.check.headline.affected", g.dash());
        }
        boolean fix = a.incidents().stream().anyMatch(i -> i.relation() == Relation.FIX_AVAILABLE);
        return m.get(fix ? "cli.check.headline.fix" : "cli.check.headline.safe", g.dash());
    }

    /** Holds first, then what affects the system now, then the fixes to install, then the minor risks. */
    static List<String> todo(CheckReport report, Glyphs g, Messages m) {
        Assessment a = report.assessment();
        List<String> todo = new ArrayList<>();
        // What happens at the next restart comes first: it happens whatever else is done.
        if (!report.preparedHeld().isEmpty()) {
            String kind = report.preparedIsStagedDeployment() ? "staged" : "prepared";
            todo.add(m.get("cli.check." + kind + ".brings", report.preparedHeld().stream().map(n -> n.name() + " " + n.evr()).toList(),
                    report.packageKit().triggered() ? 1 : 0) + " " + m.get("cli.check." + kind + ".cancel",
                    String.join(" ", report.cancelPrepared())));
        }
        List<IncidentAssessment> ordered = new ArrayList<>(a.incidents());
        ordered.sort(Comparator.comparingInt(CheckText::urgency));
        for (IncidentAssessment i : ordered) {
            Incident incident = i.incident().incident();
            switch (i.relation()) {
                case AT_RISK -> todo.add(m.get(incident.severity().holds() ? "cli.check.todo.hold" : "cli.check.todo.considerHold",
                        i.risky().stream().map(u -> u.nevra().name()).distinct().toList(), incident.id(),
                        m.get("severity." + incident.severity().id()), g.dash(), incident.title()));
                case FIX_AVAILABLE -> todo.add(m.get("cli.check.todo.update",
                        i.fixing().stream().map(u -> u.nevra().name()).distinct().toList(), incident.id(), g.dash(), incident.title()));
                case AFFECTED -> todo.add(m.get("cli.check.todo.affected", incident.id(), g.dash(), incident.title())
                        + (incident.workarounds().isEmpty() ? "" : " " + m.get(i.incident().derived()
                                ? "cli.check.todo.workaroundTopic" : "cli.check.todo.workaround"))
                        + (incident.status().isOpen() ? incident.fix().expected().map(d -> " " + m.get("cli.check.fixExpected", d))
                                .orElse("") : ""));
                case REPORTED -> todo.add(i.risky().isEmpty()
                        ? m.get("cli.check.todo.reported", i.reported().stream().map(p -> p.nevra().name()).distinct().toList(),
                                incident.id(), g.dash(), incident.title())
                        : m.get("cli.check.todo.reportedPending", i.risky().stream().map(u -> u.nevra().name()).distinct().toList(),
                                incident.id(), m.get("severity." + incident.severity().id()), g.dash(), incident.title()));
                case NOT_IN_USE -> todo.add(m.get("cli.check.todo.notInUse", i.affected().stream()
                        .map(x -> x.installed().nevra().name() + " " + x.installed().nevra().evr()).distinct().toList(), incident.id(),
                        "preflight guide " + incident.id()));
                default -> { }
            }
        }
        return withOthers(todo, report, m);
    }

    private static int urgency(IncidentAssessment i) {
        boolean holds = i.incident().incident().severity().holds();
        return switch (i.relation()) {
            case AT_RISK -> holds ? 0 : 3;
            case AFFECTED -> 1;
            case FIX_AVAILABLE -> 2;
            case REPORTED -> holds ? 0 : 3;
            case NOT_IN_USE -> 4;
        };
    }

    /**
     * Each update to take care with that no incident explains (Bodhi's feedback, recent bugs),
     * with its reason; then the rest, with the command that leaves out every update with a
     * known problem (a plain upgrade would install them).
     */
    private static List<String> withOthers(List<String> todo, CheckReport report, Messages m) {
        Assessment a = report.assessment();
        for (UpdateAssessment u : a.updates()) {
            if (u.verdict().ordinal() >= UpdateVerdict.CAUTION.ordinal() && u.incidents().isEmpty() && !u.evidence().isEmpty()) {
                todo.add(m.get(u.verdict() == UpdateVerdict.HOLD ? "cli.check.todo.holdBecause" : "cli.check.todo.takeCare",
                        u.update().nevra().name() + " " + u.update().nevra().evr(), String.join("; ", u.evidence())));
            }
        }
        long ok = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.OK).count();
        if (a.verdict() == Verdict.HOLD && ok > 0) {
            todo.add(report.upgradeTheRest().map(c -> m.get("cli.check.todo.othersCommand", ok, c.display()))
                    .orElse(m.get("cli.check.todo.others", ok)));
        }
        return todo;
    }
}
