package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.machine.History;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code preflight history}: the merged dnf5, dnf4 (or rpm-ostree) transaction timeline, newest first. */
@Command(name = "history",
        mixinStandardHelpOptions = true)
final class HistoryCommand implements Callable<Integer> {

    static final int INCOMPLETE = 3;

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--root", paramLabel = "DIR")
    Path root;

    HistoryCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        History history = services.system().history(Optional.ofNullable(root));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(HistoryJson.toJson(history));
        } else {
            HistoryText.print(history, out, services.text());
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        history.problems().forEach(p -> err.println(services.text().get("cli.history.problem", p.source(), p.reason())));
        err.flush();
        return history.problems().isEmpty() ? 0 : INCOMPLETE;
    }
}
