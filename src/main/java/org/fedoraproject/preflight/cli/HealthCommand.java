package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.health.Evidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code preflight health}: this machine's crashes, failed units and boots beside its
 * transactions. Exit 0 when nothing stands out, 1 when a suspect, a known incident's crash or a
 * failed boot does, 3 when the journal or the history could not be read.
 */
@Command(name = "health", mixinStandardHelpOptions = true)
final class HealthCommand implements Callable<Integer> {

    static final int FOUND = 1;
    static final int INCOMPLETE = 3;

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + HealthService.DEFAULT_DAYS)
    int days;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--root", paramLabel = "DIR")
    Path root;

    @Option(names = "--journal", paramLabel = "DIR")
    Path journal;

    @Option(names = "--demo")
    boolean demo;

    HealthCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (days < 1 || days > 365) {
            throw new ParameterException(spec.commandLine(), services.text().get("cli.health.days", days));
        }
        CheckService.Request request = CheckOptions.request(root, List.of(), true, demo);
        HealthService.Result result = services.health().get().health(request, Optional.ofNullable(journal), days);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? HealthOutput.json(result, services.text()) : HealthOutput.text(result, services.text(), services.zone()));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        result.problems().forEach(p -> err.println(services.text().render(p)));
        err.flush();
        boolean unreadable = result.report().evidence().scope() == Evidence.Scope.NONE
                && !result.problems().isEmpty();
        if (unreadable) {
            return INCOMPLETE;
        }
        return HealthOutput.standsOut(result) ? FOUND : 0;
    }
}
