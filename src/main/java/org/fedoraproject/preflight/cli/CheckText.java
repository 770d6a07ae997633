package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.feed.FeedStatus;
import org.fedoraproject.preflight.guide.HoldAdvice;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.incident.Incident;

/** The readable report: the verdict first, then what to do, then the details and how fresh the data is. */
final class CheckText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CheckText() {
    }

    static void print(CheckReport report, PrintWriter out, ZoneId zone) {
        print(report, out, zone, Glyphs.forTerminal());
    }

    static void print(CheckReport report, PrintWriter out, ZoneId zone, Glyphs g) {
        Assessment a = report.assessment();
        if (!report.complete()) {
            out.println("COULD NOT CHECK " + g.dash() + " " + report.cannotCheck().get(0) + ".");
        } else {
            out.println(headline(a, g));
        }
        out.println();
        List<String> todo = todo(report, g);
        if (!todo.isEmpty()) {
            out.println("What to do");
            todo.forEach(t -> out.println("  " + g.bullet() + " " + t));
            out.println();
        }
        if (!a.updates().isEmpty()) {
            out.println("Pending updates (" + a.updates().size() + ")");
            int width = a.updates().stream().mapToInt(u -> u.update().nevra().name().length()).max().orElse(10);
            for (UpdateAssessment u : a.updates()) {
                String from = u.from().map(Object::toString).orElse("new");
                String verdict = u.verdict().checked() ? u.verdict().id() : "not checked";
                out.printf("  %-11s %-" + width + "s  %s %s %s%s%n", verdict, u.update().nevra().name(), from, g.arrow(),
                        u.update().nevra().evr(), u.incidents().isEmpty() ? "" : "   " + String.join(", ", u.incidents()));
            }
            out.println();
        }
        if (!a.incidents().isEmpty()) {
            out.println("Incidents concerning this system");
            for (IncidentAssessment i : a.incidents()) {
                Incident incident = i.incident().incident();
                out.printf("  %s  %s, %s, %s%n      %s%n", incident.id(), i.relation().id(), incident.severity().id(),
                        incident.status().id(), incident.title());
                if (i.incident().derived()) {
                    out.println("      derived by Preflight from " + i.incident().source() + ", not from a curated feed");
                }
                for (org.fedoraproject.preflight.incident.Evidence e : i.incident().evidence()) {
                    out.println("      " + e.label() + (e.url().isEmpty() ? "" : "  " + e.url()));
                }
                for (AffectedInstall install : i.affected()) {
                    String since = install.since().fromHistory()
                            ? "since " + install.since().source() + " transaction " + install.since().transaction() + " on "
                                    + TIME.format(install.since().date().atZone(zone))
                                    + (install.since().replaced().isEmpty() ? ""
                                            : " (it replaced " + install.since().replaced().get(0).evr() + ")")
                            : "installed " + TIME.format(install.since().date().atZone(zone));
                    out.println("      " + install.installed().nevra().name() + " " + install.installed().nevra().evr()
                            + " is installed, " + since);
                }
                if (incident.status().isOpen()) {
                    incident.fix().expected().ifPresent(d -> out.println("      Fix expected " + d + "."));
                }
            }
            out.println();
        }
        if (!report.holds().isEmpty()) {
            out.println("Held packages (versionlock)");
            for (HoldAdvice h : report.holds()) {
                if (!h.pinsAffected().isEmpty()) {
                    out.println("  " + h.name() + ": the lock keeps an affected version (" + String.join(", ", h.pinsAffected())
                            + ")" + h.hiddenFix().map(v -> "; it hides the fix " + v + ", which the repositories have").orElse("")
                            + ". Delete it: " + h.release().map(ShellCommand::display).orElse("versionlock delete " + h.name())
                            + ", then " + (h.hiddenFix().isPresent() ? "update" : "go back: preflight guide " + h.pinsAffected().get(0))
                            + ".");
                } else if (h.canRelease()) {
                    out.println("  " + h.name() + ": " + String.join(", ", h.resolvedIncidents())
                            + " resolved; release the hold: " + h.release().get().display());
                } else {
                    out.println("  " + h.name() + ": keep it held while " + String.join(", ", h.openIncidents()) + " is open");
                }
            }
            out.println();
        }
        report.release().ifPresent(r -> {
            if (r.pastEnd()) {
                out.println("Fedora " + r.version() + " reached its end of life on " + r.supportEnd().get() + ": it gets no more fixes,"
                        + " security fixes included." + r.newestStable().map(n -> " Upgrade to Fedora " + n
                                + " (preflight check --upgrade " + n + " says whether to wait).").orElse(""));
                out.println();
            } else if (r.nearEnd()) {
                out.println("Fedora " + r.version() + " gets fixes until " + r.supportEnd().get() + " (" + r.daysLeft() + " days)."
                        + r.newestStable().map(n -> " Fedora " + n + " is out: plan the upgrade.").orElse(""));
                out.println();
            }
        });
        printPrepared(report, out, g);
        report.metadataTime().filter(t -> t.isBefore(report.at().minus(java.time.Duration.ofHours(24)))).ifPresent(t -> {
            out.println("The update metadata is from " + Ages.ago(t, report.at()) + ": the verdict is about the updates dnf saw"
                    + " then. Fresh: preflight check --refresh");
            out.println();
        });
        SignalsText.print(report, out, zone, g);
        out.println("Data");
        for (FeedStatus f : report.feeds()) {
            String state = f.feed().isEmpty() ? "no data"
                    : "generated " + TIME.format(f.generated().get().atZone(zone))
                            + f.fetched().map(t -> ", fetched " + Ages.ago(t, report.at())).orElse("")
                            + (f.fromCache() ? " (kept copy)" : "") + (f.stale() ? " " + g.dash() + " STALE, past its expiry" : "");
            out.println("  Incident feed " + (f.url().contains("://") ? f.url() : "(" + f.url() + ")") + ": " + state);
            f.error().ifPresent(e -> out.println("    problem: " + e));
            if (!f.problems().isEmpty()) {
                out.println("    " + f.problems().stream().filter(p -> p.message().equals("incident skipped")).count()
                        + " incident(s) skipped as invalid; run: preflight feed lint");
            }
        }
        for (org.fedoraproject.preflight.signal.SourceState s : report.signals().sources()) {
            String state = switch (s.state()) {
                case ANSWERED -> "answered" + s.asOf().map(t -> " " + Ages.ago(t, report.at())).orElse("");
                case KEPT -> "kept answer" + s.asOf().map(t -> " from " + Ages.ago(t, report.at())).orElse("") + ", partly or wholly";
                case FAILED -> "no answer";
                case OFF -> "off in the settings";
            };
            out.println("  " + s.source() + ": " + state + s.problem().map(p -> " (" + p + ")").orElse(""));
        }
        out.println("  Update metadata: " + report.metadataTime()
                .map(t -> "from " + TIME.format(t.atZone(zone)) + " (" + Ages.ago(t, report.at()) + ")").orElse("age unknown"));
        report.system().problems().forEach(p -> out.println("  Could not read " + p.message()));
    }

    /** GNOME Software's prepared offline update, when it would install a held version at the next restart. */
    private static void printPrepared(CheckReport report, PrintWriter out, Glyphs g) {
        var pk = report.packageKit();
        if (!report.preparedHeld().isEmpty()) {
            boolean staged = report.preparedIsStagedDeployment();
            out.println(staged ? "Staged deployment" : "Prepared offline update");
            out.println("  " + (staged ? "The deployment staged for the next boot brings " : "The update GNOME Software prepared will install ")
                    + report.preparedHeld().stream()
                    .map(n -> n.name() + " " + n.evr()).collect(java.util.stream.Collectors.joining(", "))
                    + " at the next restart" + (pk.triggered() ? " (the restart is already asked for)" : "") + ".");
            out.println("  Cancel it: " + String.join(" ", report.cancelPrepared()) + " (it asks for your password);"
                    + (staged ? " after the hold, update again." : " after the hold, let GNOME Software prepare the update again."));
            out.println();
        }
        pk.lastOffline().filter(r -> !r.success()).ifPresent(r -> {
            out.println("The last offline update failed" + (r.error().isEmpty() ? "" : ": " + r.error()));
            out.println();
        });
    }

    static String headline(Assessment a, Glyphs g) {
        long held = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.HOLD).count();
        long careful = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.CAUTION).count();
        if (a.verdict() == Verdict.HOLD) {
            return "HOLD " + g.dash() + " do not update everything now: " + held + " of " + a.updates().size()
                    + " pending updates would install a version with a known serious problem.";
        }
        if (a.verdict() == Verdict.CAUTION) {
            return careful > 0
                    ? "CAUTION " + g.dash() + " " + careful + " pending update(s) have known minor problems; read on before updating."
                    : "CAUTION " + g.dash() + " this system is affected by a known problem; read on.";
        }
        boolean fix = a.incidents().stream().anyMatch(i -> i.relation() == Relation.FIX_AVAILABLE);
        return fix ? "SAFE " + g.dash() + " update now: it brings the fix for a problem this system has."
                : "SAFE " + g.dash() + " no known problem with the pending updates.";
    }

    /** Holds first, then what affects the system now, then the fixes to install, then the minor risks. */
    static List<String> todo(CheckReport report, Glyphs g) {
        Assessment a = report.assessment();
        List<String> todo = new java.util.ArrayList<>();
        List<IncidentAssessment> ordered = new java.util.ArrayList<>(a.incidents());
        ordered.sort(java.util.Comparator.comparingInt(CheckText::urgency));
        for (IncidentAssessment i : ordered) {
            Incident incident = i.incident().incident();
            String names = i.risky().stream().map(u -> u.nevra().name()).distinct().collect(Collectors.joining(", "));
            switch (i.relation()) {
                case AT_RISK -> todo.add((incident.severity().holds() ? "Hold " : "Consider holding ") + names + ": "
                        + incident.id() + " (" + incident.severity().id() + ") " + g.dash() + " " + incident.title() + ".");
                case FIX_AVAILABLE -> todo.add("Update " + i.fixing().stream().map(u -> u.nevra().name()).distinct()
                        .collect(Collectors.joining(", ")) + ": it fixes " + incident.id() + " " + g.dash() + " " + incident.title() + ".");
                case AFFECTED -> todo.add("This system is affected by " + incident.id() + " " + g.dash() + " " + incident.title() + "."
                        + (incident.workarounds().isEmpty() ? "" : " The feed gives a workaround.")
                        + (incident.status().isOpen() ? incident.fix().expected().map(d -> " Fix expected " + d + ".").orElse("") : ""));
                case NOT_IN_USE -> todo.add("An older version kept beside the one in use ("
                        + i.affected().stream().map(x -> x.installed().nevra().name() + " " + x.installed().nevra().evr()).distinct()
                                .collect(Collectors.joining(", "))
                        + ") is affected by " + incident.id() + "; it is not in use. Remove it: preflight guide " + incident.id() + ".");
                default -> { }
            }
        }
        return withOthers(todo, report);
    }

    private static int urgency(IncidentAssessment i) {
        boolean holds = i.incident().incident().severity().holds();
        return switch (i.relation()) {
            case AT_RISK -> holds ? 0 : 3;
            case AFFECTED -> 1;
            case FIX_AVAILABLE -> 2;
            case NOT_IN_USE -> 4;
        };
    }

    /** The rest, with the command that leaves out every held update (a plain upgrade would install them). */
    private static List<String> withOthers(List<String> todo, CheckReport report) {
        Assessment a = report.assessment();
        long ok = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.OK).count();
        if (a.verdict() == Verdict.HOLD && ok > 0) {
            todo.add("The other " + ok + " update(s) have no known problem"
                    + report.upgradeTheRest().map(c -> "; install them without the held ones: " + c.display()).orElse("."));
        }
        return todo;
    }
}
