package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.text.Text;

/** The rpm database, through rpm's query format (rpm knows where its database is; Preflight does not guess). */
public final class InstalledPackagesReader {

    static final String QUERY_FORMAT = "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{INSTALLTIME}\\t%{SOURCERPM}\\n";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Target target;

    public InstalledPackagesReader(Target target) {
        this.target = target;
    }

    public Reading<List<InstalledPackage>> read() {
        String source = "rpm --query --all";
        CommandResult result;
        try {
            Optional<String> missing = missingDatabase();
            if (missing.isPresent()) {
                return Reading.unavailable("rpm database", missing.get());
            }
            result = target.runner().run(rpm("--query", "--all", "--queryformat", QUERY_FORMAT), TIMEOUT);
        } catch (CommandFailedException e) {
            return Reading.unavailable(source, e.getMessage());
        }
        if (result.exitCode() != 0) {
            return Reading.unavailable(source, result.errorLine());
        }
        return parse(result.stdout(), source);
    }

    /**
     * Asks rpm where its database is and looks for it first: on a root without one, rpm run as
     * root would create an empty database, and Preflight writes nothing.
     */
    private Optional<String> missingDatabase() throws CommandFailedException {
        CommandResult eval = target.runner().run(rpm("--eval", "%{_dbpath}"), TIMEOUT);
        String dbpath = eval.stdout().strip();
        if (eval.exitCode() != 0 || !dbpath.startsWith("/")) {
            return Optional.of("rpm cannot say where its database is (" + eval.errorLine() + ")");
        }
        Path db = target.file(dbpath.substring(1));
        try (Stream<Path> files = Files.list(db)) {
            return files.findAny().isPresent() ? Optional.empty() : Optional.of("no rpm database in " + db + " (empty)");
        } catch (IOException e) {
            return Optional.of("no rpm database in " + db);
        }
    }

    private List<String> rpm(String... args) {
        List<String> command = new ArrayList<>();
        command.add("rpm");
        command.addAll(target.rpmRootArgs());
        command.addAll(List.of(args));
        return command;
    }

    /** One package per line; gpg-pubkey entries (keys, not packages) are left out. */
    static Reading<List<InstalledPackage>> parse(String output, String source) {
        List<InstalledPackage> packages = new ArrayList<>();
        if (!output.isEmpty() && !output.endsWith("\n")) {
            return Reading.unavailable(source, Text.of("reading.truncated"));
        }
        String[] lines = output.split("\n");
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                return Reading.unavailable(source, Text.of("reading.unexpectedOutput", Integer.toString(k + 1), line));
            }
            if (f[0].equals("gpg-pubkey")) {
                continue;
            }
            try {
                Evr evr = new Evr(Long.parseLong(f[1]), f[2], f[3]);
                packages.add(new InstalledPackage(new Nevra(f[0], evr, f[4]), Instant.ofEpochSecond(Long.parseLong(f[5])),
                        InstalledPackage.sourceName(f[6])));
            } catch (NumberFormatException | InvalidVersionException e) {
                return Reading.unavailable(source, Text.of("reading.unexpectedOutputWhy", Integer.toString(k + 1), line,
                        String.valueOf(e.getMessage())));
            }
        }
        return Reading.of(List.copyOf(packages));
    }
}
