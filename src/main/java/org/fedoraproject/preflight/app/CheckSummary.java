package org.fedoraproject.preflight.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.guide.HoldAdvice;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.text.Text;

/**
 * What a check says, decided once for every front end: the outlook, which headline goes with it,
 * the one sentence that follows it, the ordered list of what to do, and whether the machine seems
 * offline (said in a person's words, not as each source's error). The terminal, the window,
 * the tray and the notifications render this; none of them decides it again.
 */
public record CheckSummary(Outlook outlook, Headline headline, Text next, List<ToDo> todo, boolean offline) {

    /** Which headline a check gets: the outlook, refined by what the check found. */
    public enum Headline {
        HOLD, AFFECTED, FIX, CAUTION, CONCERNS, PARTIAL_SAFE, SAFE, UNKNOWN
    }

    public CheckSummary {
        Objects.requireNonNull(outlook, "outlook");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(next, "next");
        todo = List.copyOf(todo);
    }

    public static CheckSummary of(CheckReport report) {
        Outlook outlook = Outlook.of(report);
        Headline headline = headline(report, outlook);
        boolean offline = report.offline();
        Text next = headline == Headline.UNKNOWN && offline ? Text.of("next.offlineNothingKept") : next(report, headline);
        return new CheckSummary(outlook, headline, next, ToDoList.of(report), offline);
    }

    private static Headline headline(CheckReport report, Outlook outlook) {
        Assessment a = report.assessment();
        boolean fix = a.incidents().stream().anyMatch(i -> i.relation() == Relation.FIX_AVAILABLE);
        return switch (outlook) {
            case UNKNOWN -> Headline.UNKNOWN;
            case HOLD -> Headline.HOLD;
            case AFFECTED -> a.incidents().stream().anyMatch(i -> i.relation() == Relation.AFFECTED) ? Headline.AFFECTED : Headline.FIX;
            case CAUTION -> report.partial() && a.verdict() == Verdict.SAFE ? Headline.PARTIAL_SAFE
                    : a.count(UpdateVerdict.CAUTION) > 0 ? Headline.CAUTION : Headline.CONCERNS;
            case SAFE -> fix ? Headline.FIX : Headline.SAFE;
        };
    }

    /** The sentence under the headline: how many to hold, which incident, or why the check could not be made. */
    private static Text next(CheckReport report, Headline headline) {
        Assessment a = report.assessment();
        int pending = a.updates().size();
        return switch (headline) {
            case UNKNOWN -> whyUnknown(report);
            case HOLD -> report.holds().isEmpty() ? Text.of("next.hold", a.count(UpdateVerdict.HOLD), pending)
                    : Text.of("next.holdWithHeld", a.count(UpdateVerdict.HOLD), pending, report.holds().size());
            case AFFECTED -> first(a, Relation.AFFECTED).map(i -> Text.of("next.affected", i.id(), i.incident().incident().title())).get();
            case FIX -> first(a, Relation.FIX_AVAILABLE).map(i -> Text.of("next.fixAvailable", i.id(), i.incident().incident().title())).get();
            case CAUTION -> Text.of("next.caution", a.count(UpdateVerdict.CAUTION));
            case CONCERNS -> Text.of("next.cautionOther");
            case PARTIAL_SAFE -> report.notCheckedSentence("next.partial");
            case SAFE -> pending == 0 ? Text.of("next.safeNothing") : Text.of("next.safe", pending);
        };
    }

    /** Not Fedora, or no os-release, said as such; other reasons as the check gives them. */
    private static Text whyUnknown(CheckReport report) {
        var os = report.system().os();
        if (os instanceof Reading.Unavailable<?> u) {
            return Text.of("unknown.noOsRelease", u.problem());
        }
        if (!os.get().get().isFedora()) {
            return Text.of("unknown.notFedora", os.get().get().prettyName());
        }
        return Text.of("unknown.reason", report.cannotCheck().get(0));
    }

    private static Optional<IncidentAssessment> first(Assessment a, Relation relation) {
        return a.incidents().stream().filter(i -> i.relation() == relation).findFirst();
    }

    /** The list of what to do, in the order of {@link ToDo.Kind}, incidents by urgency within it. */
    static final class ToDoList {

        private ToDoList() {
        }

        static List<ToDo> of(CheckReport report) {
            Assessment a = report.assessment();
            List<ToDo> todo = new ArrayList<>();
            if (!report.preparedHeld().isEmpty()) {
                String kind = report.preparedIsStagedDeployment() ? "staged" : "prepared";
                List<String> held = report.preparedHeld().stream().map(n -> n.name() + " " + n.evr()).toList();
                todo.add(new ToDo(ToDo.Kind.RESTART, Text.of("todo." + kind, held, report.packageKit().triggered() ? 1 : 0),
                        Text.of("todo.brief." + kind, held),
                        Optional.of(String.join(" ", report.cancelPrepared())), Optional.empty()));
            }
            for (IncidentAssessment i : a.incidents()) {
                incidentStep(i).ifPresent(todo::add);
            }
            report.holds().forEach(h -> todo.add(held(h)));
            for (UpdateAssessment u : a.updates()) {
                if (u.verdict().ordinal() >= UpdateVerdict.CAUTION.ordinal() && u.incidents().isEmpty() && !u.evidence().isEmpty()) {
                    boolean hold = u.verdict() == UpdateVerdict.HOLD;
                    String name = u.update().nevra().name();
                    todo.add(new ToDo(hold ? ToDo.Kind.HOLD : ToDo.Kind.TAKE_CARE, Text.of(hold ? "todo.holdBecause" : "todo.takeCare",
                            name + " " + u.update().nevra().evr(), String.join("; ", u.evidence())),
                            Text.of(hold ? "todo.brief.hold" : "todo.brief.takeCare", List.of(name)),
                            Optional.empty(), Optional.empty()));
                }
            }
            long ok = a.count(UpdateVerdict.OK);
            if (a.verdict() == Verdict.HOLD && ok > 0) {
                Optional<String> rest = report.upgradeTheRest().map(c -> c.display());
                todo.add(new ToDo(ToDo.Kind.REST, Text.of(rest.isPresent() ? "todo.othersCommand" : "todo.others", ok),
                        Text.of("todo.brief.rest", ok),
                        rest, Optional.empty()));
            }
            // Stable: within a kind, the incidents keep their urgency order and the updates theirs.
            todo.sort(Comparator.comparing(ToDo::kind));
            return todo;
        }

        /**
         * A hold the user has set on a package an incident names: kept while the incident is open,
         * released once it is resolved, deleted first when it keeps an affected version.
         */
        private static ToDo held(HoldAdvice h) {
            String release = h.release().map(ShellCommand::display).orElse("versionlock delete " + h.name());
            if (!h.pinsAffected().isEmpty()) {
                Text what = h.hiddenFix().map(fix -> Text.of("todo.heldHidesFix", h.name(), h.pinsAffected(), fix.toString()))
                        .orElse(Text.of("todo.heldKeepsAffected", h.name(), h.pinsAffected()));
                return new ToDo(ToDo.Kind.HELD, what, Text.of("todo.brief.heldDelete", h.name()), Optional.of(release),
                        Optional.of(h.pinsAffected().get(0)));
            }
            if (h.canRelease()) {
                return new ToDo(ToDo.Kind.HELD, Text.of("todo.heldRelease", h.name(), h.resolvedIncidents()),
                        Text.of("todo.brief.heldRelease", h.name()), Optional.of(release), h.resolvedIncidents().stream().findFirst());
            }
            return new ToDo(ToDo.Kind.HELD, Text.of("todo.heldKeep", h.name(), h.openIncidents()), Text.of("todo.brief.heldKeep", h.name()),
                    Optional.empty(), h.openIncidents().stream().findFirst());
        }

        private static Optional<ToDo> incidentStep(IncidentAssessment i) {
            Incident incident = i.incident().incident();
            Optional<String> id = Optional.of(incident.id());
            Text severity = Text.of("severity." + incident.severity().id());
            List<String> risky = i.risky().stream().map(u -> u.nevra().name()).distinct().toList();
            List<String> fixing = i.fixing().stream().map(u -> u.nevra().name()).distinct().toList();
            return Optional.ofNullable(switch (i.relation()) {
                case AT_RISK -> new ToDo(incident.severity().holds() ? ToDo.Kind.HOLD : ToDo.Kind.TAKE_CARE,
                        Text.of(incident.severity().holds() ? "todo.hold" : "todo.considerHold", risky, incident.id(), severity,
                                ToDo.DASH, incident.title()),
                        Text.of(incident.severity().holds() ? "todo.brief.holdFor" : "todo.brief.takeCareFor", risky, incident.id()),
                        Optional.empty(), id);
                case FIX_AVAILABLE -> new ToDo(ToDo.Kind.FIX, Text.of("todo.update", fixing, incident.id(), ToDo.DASH, incident.title()),
                        Text.of("todo.brief.update", fixing, incident.id()), Optional.empty(), id);
                case AFFECTED -> new ToDo(ToDo.Kind.AFFECTED, Text.of("todo.affected", incident.id(), ToDo.DASH, incident.title(),
                        incident.workarounds().isEmpty() ? "" : Text.of(i.incident().derived() ? "todo.workaroundTopic" : "todo.workaround"),
                        incident.status().isOpen() ? incident.fix().expected().map(d -> (Object) Text.of("todo.fixExpected", d)).orElse("")
                                : ""), Text.of("todo.brief.affected", incident.id(), incident.title()), Optional.empty(), id);
                case REPORTED -> risky.isEmpty()
                        ? new ToDo(ToDo.Kind.REPORTED, Text.of("todo.reported", i.reported().stream().map(p -> p.nevra().name())
                                .distinct().toList(), incident.id(), ToDo.DASH, incident.title()),
                                Text.of("todo.brief.reported", incident.id()), Optional.empty(), id)
                        : new ToDo(incident.severity().holds() ? ToDo.Kind.HOLD : ToDo.Kind.TAKE_CARE,
                                Text.of(incident.severity().holds() ? "todo.reportedHold" : "todo.reportedPending",
                                risky, incident.id(), severity, ToDo.DASH, incident.title()),
                                Text.of(incident.severity().holds() ? "todo.brief.holdFor" : "todo.brief.takeCareFor", risky, incident.id()),
                                Optional.empty(), id);
                case NOT_IN_USE -> new ToDo(ToDo.Kind.NOT_IN_USE, Text.of("todo.notInUse", i.affected().stream()
                        .map(x -> x.installed().nevra().name() + " " + x.installed().nevra().evr()).distinct().toList(), incident.id()),
                        Text.of("todo.brief.notInUse", incident.id()), Optional.of("preflight guide " + incident.id()), id);
            });
        }
    }
}
