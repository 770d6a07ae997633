package org.fedoraproject.preflight.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.adapter.system.RegularFiles;
import org.fedoraproject.preflight.adapter.system.RepoPackagesReader;
import org.fedoraproject.preflight.desk.Desk;
import org.fedoraproject.preflight.desk.DeskIncident;
import org.fedoraproject.preflight.desk.Drafts;
import org.fedoraproject.preflight.desk.Edit;
import org.fedoraproject.preflight.desk.Hindsight;
import org.fedoraproject.preflight.desk.IncidentFile;
import org.fedoraproject.preflight.desk.Publisher;
import org.fedoraproject.preflight.desk.Review;
import org.fedoraproject.preflight.desk.Triage;
import org.fedoraproject.preflight.incident.RepoLint;
import org.fedoraproject.preflight.machine.Reading;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code preflight desk}: the SIG's side of the feed. Exit 0 done, 1 refused (a gap, a problem in a
 * file, a bad option value), 3 could not (no desk, a source that did not answer, a key that cannot
 * be read).
 */
@Command(name = "desk", mixinStandardHelpOptions = true,
        subcommands = {DeskCommand.Init.class, DeskCommand.New.class, DeskCommand.Update.class, DeskCommand.Publish.class,
            DeskCommand.ReviewCommand.class, DeskCommand.TriageCommand.class})
final class DeskCommand {

    static final int REFUSED = 1;
    static final int FAILED = 3;

    /** --desk DIR, the current directory by default. */
    static final class Where {
        @Option(names = "--desk", paramLabel = "DIR", descriptionKey = "preflight.desk.dir")
        Path dir = Path.of(".");

        Desk open() throws IOException {
            return Desk.open(dir);
        }
    }

    /** --json and --offline of the commands that ask Fedora's sources and report. */
    static final class Report {
        @Option(names = "--json")
        boolean json;

        @Option(names = "--offline")
        boolean offline;
    }

    @Command(name = "init", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", descriptionKey = "preflight.desk.init.dir")
        Path dir;

        @Option(names = "--publisher", paramLabel = "NAME", defaultValue = "Fedora Production Stability SIG")
        String publisher;

        @Option(names = "--feed-url", paramLabel = "URL", defaultValue = "https://example.org/preflight/feed.json")
        String feedUrl;

        @Option(names = "--site-url", paramLabel = "URL", defaultValue = "https://example.org/preflight/")
        String siteUrl;

        @Option(names = "--key", paramLabel = "FILE", defaultValue = "../desk.key")
        String key;

        @Override
        public Integer call() {
            try {
                Desk.init(dir, new Desk.Settings(publisher, feedUrl, siteUrl, key));
                spec.commandLine().getOut().println("A desk in " + dir + ": edit " + dir.resolve(Desk.SETTINGS)
                        + ", then preflight desk new --desk " + dir + " --from-update FEDORA-…");
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("preflight desk: " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true)
    static final class New implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Mixin
        Where where = new Where();

        @ArgGroup(multiplicity = "1")
        Origin origin;

        static final class Origin {
            @Option(names = "--from-update", paramLabel = "FEDORA-YYYY-NNNNNNNNNN", descriptionKey = "preflight.desk.new.from-update")
            String update;

            @Option(names = "--from-bug", paramLabel = "N", descriptionKey = "preflight.desk.new.from-bug")
            Long bug;

            @Option(names = "--from-topic", paramLabel = "URL|ID", descriptionKey = "preflight.desk.new.from-topic")
            String topic;
        }

        New(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Desk desk = where.open();
                Drafts drafts = services.desk().get().drafts();
                DeskIncident draft = origin.update != null ? drafts.fromUpdate(origin.update)
                        : origin.bug != null ? drafts.fromBug(origin.bug) : drafts.fromTopic(origin.topic);
                Path file = desk.write(draft, true);
                spec.commandLine().getOut().println(draft.id() + "\t" + file);
                long gaps = IncidentFile.write(draft).lines().filter(l -> l.contains(DeskIncident.GAP)).count();
                err.println(gaps + " gaps to fill (marked " + DeskIncident.GAP + "): publish refuses the file until they are.");
                return 0;
            } catch (Drafts.NoDraft | Desk.AlreadyThere e) {
                err.println("preflight desk new: " + e.getMessage());
                return REFUSED;
            } catch (IOException e) {
                err.println("preflight desk new: " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true)
    static final class Update implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Mixin
        Where where = new Where();

        @Parameters(paramLabel = "ID", descriptionKey = "preflight.desk.update.id")
        String id;

        @Option(names = "--status", paramLabel = "S")
        String status;

        @Option(names = "--severity", paramLabel = "S")
        String severity;

        @Option(names = "--title", paramLabel = "T")
        String title;

        @Option(names = "--summary", paramLabel = "TEXT")
        String summary;

        @Option(names = "--workaround", paramLabel = "TEXT")
        String workaround;

        @Option(names = "--fix-expected", paramLabel = "DATE")
        String fixExpected;

        @Option(names = "--fixed", paramLabel = "EVR")
        String fixed;

        @Option(names = "--fix-update", paramLabel = "FEDORA-YYYY-NNNNNNNNNN")
        String fixUpdate;

        @Option(names = "--note", paramLabel = "TEXT")
        String note;

        Update(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Desk desk = where.open();
                Optional<String> found = desk.find(id);
                if (found.isEmpty()) {
                    err.println("preflight desk update: no incident " + id + " on the desk in " + desk.dir());
                    return REFUSED;
                }
                IncidentFile.Read read = IncidentFile.read(desk.text(found.get()));
                if (read.incident().isEmpty() || !read.problems().isEmpty()) {
                    read.problems().forEach(p -> err.println(Desk.INCIDENTS + "/" + found.get() + ".md:" + p.line() + ": " + p.message()));
                    return REFUSED;
                }
                Edit edit = new Edit(Optional.ofNullable(status), Optional.ofNullable(severity), Optional.ofNullable(title),
                        Optional.ofNullable(summary), Optional.ofNullable(workaround), Optional.ofNullable(fixExpected),
                        Optional.ofNullable(fixed), Optional.ofNullable(fixUpdate), Optional.ofNullable(note));
                DeskIncident changed = edit.apply(read.incident().get(), services.clock().instant().truncatedTo(ChronoUnit.SECONDS));
                Path file = desk.write(changed, false);
                DeskIncident.Event last = changed.timeline().get(changed.timeline().size() - 1);
                spec.commandLine().getOut().println(file + ": " + last.text());
                return 0;
            } catch (Edit.Refused e) {
                err.println("preflight desk update: " + e.getMessage());
                return REFUSED;
            } catch (IOException e) {
                err.println("preflight desk update: " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true)
    static final class Publish implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Mixin
        Where where = new Where();

        @Parameters(paramLabel = "OUTDIR", descriptionKey = "preflight.desk.publish.out")
        Path out;

        @Option(names = "--key", paramLabel = "FILE", descriptionKey = "preflight.desk.publish.key")
        Path key;

        @Option(names = "--against-repo", paramLabel = "REPO", descriptionKey = "preflight.feed.lint.against-repo")
        List<String> repos = new ArrayList<>();

        Publish(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Desk desk = where.open();
                Path keyFile = key != null ? key : desk.dir().resolve(desk.settings().key());
                PrivateKey privateKey;
                try {
                    privateKey = FeedKeys.readPrivate(RegularFiles.readString(keyFile, RegularFiles.SMALL));
                } catch (IOException | GeneralSecurityException e) {
                    err.println("preflight desk publish: the signing key " + keyFile + " cannot be read: " + e.getMessage());
                    return FAILED;
                }
                Publisher.Check check = repos.isEmpty() ? Publisher.Check.NONE : incidents -> {
                    Reading<List<RepoLint.RepoPackage>> packages = RepoPackagesReader.onThisMachine(repos, incidents);
                    return packages instanceof Reading.Unavailable<List<RepoLint.RepoPackage>> u ? Reading.unavailable(u.source(), u.reason())
                            : Reading.of(RepoLint.check(incidents, packages.get().orElseThrow()));
                };
                Publisher.Result result = Publisher.publish(desk, out, privateKey, now(), check);
                if (!result.problems().isEmpty()) {
                    result.problems().forEach(err::println);
                    err.println("Nothing published: " + result.problems().size() + " problems.");
                    return REFUSED;
                }
                result.written().forEach(f -> spec.commandLine().getOut().println(f));
                return 0;
            } catch (IOException e) {
                err.println("preflight desk publish: " + e.getMessage());
                return FAILED;
            }
        }

        /** SOURCE_DATE_EPOCH, as reproducible builds set it, or the clock. */
        private Instant now() {
            String epoch = services.env().getOrDefault("SOURCE_DATE_EPOCH", "");
            return epoch.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(epoch)) : services.clock().instant();
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true)
    static final class ReviewCommand implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Mixin
        Where where = new Where();

        @Parameters(paramLabel = "ID", arity = "0..1", descriptionKey = "preflight.desk.review.id")
        String id;

        @Mixin
        Report report = new Report();

        ReviewCommand(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Desk desk = where.open();
                List<String> ids = desk.ids();
                if (id != null) {
                    Optional<String> found = desk.find(id);
                    if (found.isEmpty()) {
                        err.println("preflight desk review: no incident " + id + " on the desk in " + desk.dir());
                        return REFUSED;
                    }
                    ids = List.of(found.get());
                }
                Hindsight hindsight = services.desk().get().hindsight();
                List<String> problems = new ArrayList<>();
                List<Review> reviews = new ArrayList<>();
                for (DeskIncident incident : desk.read(ids, problems)) {
                    reviews.add(Review.of(incident, hindsight.of(incident, report.offline, problems)));
                }
                problems.stream().distinct().forEach(p -> err.println("preflight desk review: " + p));
                out.print(report.json ? ReviewOutput.json(reviews) : ReviewOutput.text(reviews));
                out.flush();
                return problems.isEmpty() ? 0 : FAILED;
            } catch (IOException e) {
                err.println("preflight desk review: " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "triage", mixinStandardHelpOptions = true)
    static final class TriageCommand implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Mixin
        Where where = new Where();

        @Option(names = "--release", paramLabel = "N", descriptionKey = "preflight.desk.triage.release")
        List<String> releases = new ArrayList<>();

        @Mixin
        Report report = new Report();

        TriageCommand(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Desk desk = where.open();
                List<String> unread = new ArrayList<>();
                List<DeskIncident> incidents = desk.read(desk.ids(), unread);
                unread.forEach(p -> err.println("preflight desk triage: " + p));
                List<String> asked = new ArrayList<>(releases);
                if (asked.isEmpty()) {
                    // Fedora's current releases, as Bodhi lists them.
                    asked.addAll(services.desk().get().currentReleases().get());
                }
                if (asked.isEmpty()) {
                    err.println("preflight desk triage: no release to look at: Bodhi did not list Fedora's current releases; "
                            + "give --release N");
                    return FAILED;
                }
                Triage.Result result = services.desk().get().triage().run(incidents, asked, services.clock().instant(), report.offline);
                result.problems().forEach(p -> err.println("preflight desk triage: " + p));
                out.print(report.json ? TriageOutput.json(result) : TriageOutput.text(result, asked));
                out.flush();
                return result.problems().isEmpty() ? 0 : FAILED;
            } catch (IOException e) {
                err.println("preflight desk triage: " + e.getMessage());
                return FAILED;
            }
        }
    }
}
