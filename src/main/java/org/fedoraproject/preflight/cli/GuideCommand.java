package org.fedoraproject.preflight.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.guide.Plan;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.guide.Step;
import org.fedoraproject.preflight.guide.StepStatus;
import org.fedoraproject.preflight.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code preflight guide ID}: the steps out of one incident, with the exact commands for this system. */
@Command(name = "guide",
        mixinStandardHelpOptions = true)
final class GuideCommand implements Callable<Integer> {

    static final int NOT_CONCERNED = 1;

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INCIDENT-ID", arity = "0..1", descriptionKey = "preflight.guide.incident")
    String incident;

    @Mixin
    CheckOptions options = new CheckOptions();

    GuideCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Messages m = services.text();
        CheckService.Request request;
        try {
            request = options.request();
        } catch (IllegalArgumentException e) {
            err.println("preflight guide: " + e.getMessage());
            return CheckCommand.COULD_NOT_CHECK;
        }
        if (incident == null) {
            return list(services.check().check(request), out, err, m);
        }
        GuideService.Result result = services.guides().get().guide(incident, request);
        if (result.plan().isEmpty()) {
            result.problems().forEach(p -> err.println("preflight guide: " + m.render(p)));
            err.flush();
            return result.notConcerning() ? NOT_CONCERNED : CheckCommand.COULD_NOT_CHECK;
        }
        Plan plan = result.plan().get();
        if (options.json) {
            out.println(json(plan, result.statuses(), Messages.english()));
        } else {
            text(plan, result.statuses(), out, Glyphs.forTerminal(), m);
        }
        out.flush();
        result.problems().forEach(p -> err.println("preflight guide: " + m.render(p)));
        err.flush();
        return result.report().complete() ? 0 : CheckCommand.COULD_NOT_CHECK;
    }

    /** Without an id: the incidents that concern this system, one line each, and how to open one's guide. */
    private int list(CheckReport report, PrintWriter out, PrintWriter err, Messages m) {
        List<IncidentAssessment> incidents = report.assessment().incidents();
        if (options.json) {
            JsonArray list = new JsonArray();
            for (var i : incidents) {
                JsonObject o = new JsonObject();
                o.addProperty("id", i.id());
                o.addProperty("title", i.incident().incident().title());
                o.addProperty("relation", i.relation().id());
                o.addProperty("severity", i.incident().incident().severity().id());
                o.addProperty("status", i.incident().incident().status().id());
                list.add(o);
            }
            JsonObject root = new JsonObject();
            root.add("incidents", list);
            out.println(root);
        } else if (incidents.isEmpty()) {
            out.println(m.get("cli.guide.none"));
        } else {
            Glyphs g = Glyphs.forTerminal();
            out.println(m.get("cli.guide.list"));
            for (var i : incidents) {
                var incident = i.incident().incident();
                out.println("  " + i.id() + "  " + m.get("cli.check.incidentState", m.get("relation." + i.relation().id()),
                        m.get("severity." + incident.severity().id()), m.get("status." + incident.status().id())) + " " + g.dash() + " "
                        + incident.title());
            }
            out.println(m.get("cli.guide.open", "preflight guide " + incidents.get(0).id()));
        }
        out.flush();
        report.cannotCheck().forEach(c -> err.println("preflight guide: " + m.render(c)));
        err.flush();
        return report.complete() ? 0 : CheckCommand.COULD_NOT_CHECK;
    }

    static void text(Plan plan, List<StepStatus> statuses, PrintWriter out, Glyphs g, Messages m) {
        out.println(plan.incidentId() + " " + g.dash() + " " + plan.title());
        out.println(m.get("cli.guide.system", m.get("relation." + plan.relation()), plan.manager()));
        out.println();
        for (int k = 0; k < plan.steps().size(); k++) {
            Step step = plan.steps().get(k);
            StepStatus status = statuses.get(k);
            String mark = status.done() ? m.get("cli.guide.done") + " " : step.checks().isEmpty() ? "" : m.get("cli.guide.toDo") + " ";
            out.println((k + 1) + ". " + mark + m.render(step.title()));
            out.println("   " + m.render(step.why()));
            step.commands().forEach(c -> out.println("     $ " + c.display()));
            if (!step.fromFeed().isEmpty()) {
                out.println("   " + m.render(plan.fromLabel()));
                step.fromFeed().forEach(line -> out.println("     | " + line));
            }
            status.stillDifferent().forEach(d -> out.println("   " + m.get("cli.guide.stillDifferent", d)));
            out.println();
        }
        plan.notes().forEach(n -> out.println(m.get("cli.guide.note", n)));
    }

    /** In English, whatever the locale: scripts read it. */
    static String json(Plan plan, List<StepStatus> statuses, Messages english) {
        JsonObject o = new JsonObject();
        o.addProperty("incident", plan.incidentId());
        o.addProperty("title", plan.title());
        o.addProperty("relation", plan.relation());
        o.addProperty("manager", plan.manager());
        JsonArray steps = new JsonArray();
        for (int k = 0; k < plan.steps().size(); k++) {
            Step step = plan.steps().get(k);
            JsonObject s = new JsonObject();
            s.addProperty("title", english.render(step.title()));
            s.addProperty("why", english.render(step.why()));
            JsonArray commands = new JsonArray();
            for (ShellCommand c : step.commands()) {
                JsonObject command = new JsonObject();
                JsonArray argv = new JsonArray();
                c.argv().forEach(argv::add);
                command.add("argv", argv);
                command.addProperty("display", c.display());
                command.addProperty("root", c.root());
                commands.add(command);
            }
            s.add("commands", commands);
            JsonArray feed = new JsonArray();
            step.fromFeed().forEach(feed::add);
            s.add("from_feed", feed);
            s.addProperty("checked", !step.checks().isEmpty());
            s.addProperty("done", statuses.get(k).done());
            JsonArray different = new JsonArray();
            statuses.get(k).stillDifferent().forEach(d -> different.add(english.render(d)));
            s.add("still_different", different);
            steps.add(s);
        }
        o.add("steps", steps);
        JsonArray notes = new JsonArray();
        plan.notes().forEach(n -> notes.add(english.render(n)));
        o.add("notes", notes);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }
}
