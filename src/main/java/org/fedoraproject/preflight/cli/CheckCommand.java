package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.feed.FeedSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code preflight check}: the verdict, what to do, and the details; or JSON for programs. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Is it safe to update now? Compares the pending updates and installed packages with the",
            "incident feeds. Exit status: 0 safe, 1 caution, 2 hold, 3 could not check (why: on stderr)."
        })
final class CheckCommand implements Callable<Integer> {

    static final int COULD_NOT_CHECK = 3;

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for programs.")
    boolean json;

    @Option(names = "--root", paramLabel = "DIR", description = "Inspect the system installed under DIR.")
    Path root;

    @Option(names = "--feed", paramLabel = "URL", description = {"Also read this feed (repeatable). http://, file:",
        "and plain paths are allowed here, since you name them yourself."})
    List<String> feeds = new ArrayList<>();

    @Option(names = "--offline", description = "Use only kept copies of the feeds; download nothing.")
    boolean offline;

    @Option(names = "--demo", description = "Check the bundled sample system against the bundled sample feed.")
    boolean demo;

    CheckCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<FeedSource> sources = new ArrayList<>();
        for (String url : feeds) {
            try {
                // A plain path is a local file feed.
                URI uri = url.contains(":") ? URI.create(url) : Path.of(url).toAbsolutePath().toUri();
                sources.add(new FeedSource(uri, Optional.empty(), !"https".equalsIgnoreCase(uri.getScheme())));
            } catch (IllegalArgumentException e) {
                err.println("preflight check: --feed " + url + ": " + e.getMessage());
                return COULD_NOT_CHECK;
            }
        }
        CheckReport report = services.check().check(new CheckService.Request(Optional.ofNullable(root), sources, offline, demo));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CheckJson.toJson(report));
        } else {
            CheckText.print(report, out, services.zone());
        }
        out.flush();
        report.warnings().forEach(w -> err.println("preflight check: " + w));
        report.cannotCheck().forEach(c -> err.println("preflight check: could not check: " + c));
        err.flush();
        return report.complete() ? report.assessment().verdict().exitCode() : COULD_NOT_CHECK;
    }
}
