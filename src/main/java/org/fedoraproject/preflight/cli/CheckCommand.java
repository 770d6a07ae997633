package org.fedoraproject.preflight.cli;

import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.app.UpgradeReport;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code preflight check}: the verdict, what to do, and the details; or JSON for programs. */
@Command(name = "check",
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    static final int COULD_NOT_CHECK = 3;

    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckOptions options = new CheckOptions();

    @picocli.CommandLine.Option(names = "--upgrade", arity = "0..1", fallbackValue = "", paramLabel = "N")
    String upgrade;

    CheckCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CheckService.Request request;
        try {
            request = options.request();
        } catch (IllegalArgumentException e) {
            err.println("preflight check: " + e.getMessage());
            return COULD_NOT_CHECK;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (upgrade != null) {
            if (!upgrade.isEmpty() && !upgrade.matches("[0-9]{2,3}")) {
                err.println("preflight check: --upgrade " + upgrade + ": a release is a number, as in 44");
                return COULD_NOT_CHECK;
            }
            UpgradeReport report = services.upgrade().upgrade(request,
                    upgrade.isEmpty() ? Optional.empty() : Optional.of(upgrade));
            out.println(options.json ? UpgradeOutput.json(report) : UpgradeOutput.text(report, services.text()));
            out.flush();
            printProblems(report.warnings(), report.cannotCheck(), err);
            err.flush();
            return report.complete() ? report.assessment().get().verdict().exitCode() : COULD_NOT_CHECK;
        }
        CheckReport report = services.check().check(request);
        // The machine's own records beside the check: the same as preflight health, with the packages the check read.
        HealthService.Result health = services.health().get().health(request, Optional.empty(), HealthService.DEFAULT_DAYS,
                report.system().installed());
        if (options.json) {
            out.println(CheckJson.toJson(report, JsonParser.parseString(HealthOutput.json(health, services.text()))));
        } else {
            CheckText.print(report, out, services.text(), Colour.forThisProcess());
            if (HealthOutput.standsOut(health)) {
                out.println();
                out.print(HealthOutput.brief(health, services.text(), services.zone()));
            }
        }
        out.flush();
        printProblems(report.warnings(), report.cannotCheck(), err);
        err.flush();
        return report.complete() ? report.verdictToActOn().exitCode() : COULD_NOT_CHECK;
    }

    private void printProblems(List<Text> warnings, List<Text> cannotCheck, PrintWriter err) {
        Messages m = services.text();
        warnings.forEach(w -> err.println(m.get("cli.check.warning", m.render(w))));
        cannotCheck.forEach(c -> err.println(m.get("cli.check.couldNotCheck", m.render(c))));
    }
}
