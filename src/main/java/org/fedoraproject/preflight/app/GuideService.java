package org.fedoraproject.preflight.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.guide.Observed;
import org.fedoraproject.preflight.guide.Plan;
import org.fedoraproject.preflight.guide.Planner;
import org.fedoraproject.preflight.guide.Step;
import org.fedoraproject.preflight.guide.StepStatus;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.text.Text;

/**
 * Use case: the way out of one incident on this system, each step checked against the system
 * as it is now (installed versions, versionlock), so that running the guide again after a step
 * shows it done or says what is still different.
 */
public final class GuideService {

    /**
     * The plan, and for each step whether it is done; or why there is none ({@code notConcerning}:
     * a feed has the incident, but it does not concern this system).
     */
    public record Result(CheckReport report, Optional<Plan> plan, List<StepStatus> statuses, List<Text> problems,
                         boolean notConcerning) {
        public Result {
            statuses = List.copyOf(statuses);
            problems = List.copyOf(problems);
        }
    }

    private final CheckService checks;
    private final Systems systems;

    public GuideService(CheckService checks, Systems systems) {
        this.checks = checks;
        this.systems = systems;
    }

    public Result guide(String incidentId, CheckService.Request request) {
        return guide(incidentId, checks.check(request), request);
    }

    /**
     * The guide after the user ran some of its steps: the steps shown before stay in place and
     * keep their numbers — a done one marked so, with what the system shows now — and the steps
     * the system now needs besides follow. An incident that no longer concerns the system keeps
     * the steps that got it there, said so.
     */
    public Result guide(String incidentId, CheckReport report, CheckService.Request request, Optional<Plan> before) {
        Planned planned = plan(incidentId, report, request);
        Result now = planned.result();
        if (before.isEmpty() || now.plan().isEmpty() && !now.notConcerning()) {
            return now;
        }
        List<Step> steps = new ArrayList<>(before.get().steps());
        now.plan().ifPresent(p -> p.steps().stream().filter(step -> steps.stream().noneMatch(s -> s.title().equals(step.title())))
                .forEach(steps::add));
        List<Text> problems = new ArrayList<>(now.problems());
        // The system as the new plan saw it; read only when there was no plan to read it for.
        Observed observed = planned.observed().orElseGet(() -> observed(report, request, problems));
        List<StepStatus> statuses = steps.stream().map(step -> StepStatus.of(step, observed)).toList();
        List<Text> notes = new ArrayList<>(now.plan().map(Plan::notes).orElse(List.of()));
        if (now.plan().isEmpty()) {
            problems.removeIf(p -> p.key().equals("guide.problem.notConcerning"));
            notes.add(0, Text.of("guide.noLongerConcerns"));
        }
        Plan shown = before.get();
        Plan merged = new Plan(shown.incidentId(), shown.title(), now.plan().map(Plan::relation).orElse(shown.relation()),
                shown.manager(), steps, notes, shown.fromLabel());
        return new Result(report, Optional.of(merged), statuses, problems, now.notConcerning());
    }

    private Observed observed(CheckReport report, CheckService.Request request, List<Text> problems) {
        PackageManager manager = report.system().manager().get().orElse(PackageManager.DNF5);
        Reading<VersionLocks> read = systems.of(request).locks(request.root(), manager);
        read.get().ifPresentOrElse(h -> { }, () -> problems.add(CheckService.unreadable((Reading.Unavailable<?>) read)));
        return new Observed(report.system().installed().get().orElse(List.of()), read.get().orElse(VersionLocks.NONE),
                report.system().deployments(), report.system().boot());
    }

    /** The guide from a check already made (the window's), so opening an incident does not check twice. */
    public Result guide(String incidentId, CheckReport report, CheckService.Request request) {
        return plan(incidentId, report, request).result();
    }

    /** A guide, and the system as its steps were checked against (none when there is no plan). */
    private record Planned(Result result, Optional<Observed> observed) {
    }

    private Planned plan(String incidentId, CheckReport report, CheckService.Request request) {
        List<Text> problems = new ArrayList<>(report.cannotCheck());
        Optional<IncidentAssessment> assessment = report.assessment().incidents().stream()
                .filter(i -> i.id().equalsIgnoreCase(incidentId)).findFirst(); // fps-2026-0042 is FPS-2026-0042
        if (assessment.isEmpty()) {
            boolean known = report.feeds().stream().flatMap(f -> f.feed().stream())
                    .anyMatch(f -> f.incidents().stream().anyMatch(i -> i.id().equalsIgnoreCase(incidentId)));
            // "Does not concern this system" only when the system was read whole: without its
            // packages or pending updates, that would be a false all-clear (then: could not check, and why).
            if (known && !report.complete()) {
                problems.add(0, Text.of("guide.problem.unknown", incidentId));
                return new Planned(new Result(report, Optional.empty(), List.of(), problems, false), Optional.empty());
            }
            problems.add(Text.of(known ? "guide.problem.notConcerning" : "guide.problem.noSuchIncident", incidentId));
            return new Planned(new Result(report, Optional.empty(), List.of(), problems, known), Optional.empty());
        }
        PackageManager manager = report.system().manager().get().orElse(PackageManager.DNF5);
        Set<String> names = assessment.get().affected().stream().map(a -> a.range().name()).collect(Collectors.toSet());
        SystemPort inspection = systems.of(request);
        Reading<Map<String, Set<Evr>>> versions = inspection.available(request.root(), manager, names);
        versions.get().ifPresentOrElse(v -> { }, () -> problems.add(CheckService.unreadable((Reading.Unavailable<?>) versions)));
        Map<String, Set<Evr>> available = versions.get().orElse(Map.of());
        Observed observed = observed(report, request, problems);
        Optional<String> installRoot = inspection.commandRoot(request.root());
        Plan plan = Planner.plan(assessment.get(),
                new Planner.Context(manager, installRoot, available, observed.deployments(),
                        report.assessment().heldUpdates(), observed.locks(), observed.installed(), observed.boot()));
        List<StepStatus> statuses = plan.steps().stream().map(step -> StepStatus.of(step, observed)).toList();
        return new Planned(new Result(report, Optional.of(plan), statuses, problems, false), Optional.of(observed));
    }
}
