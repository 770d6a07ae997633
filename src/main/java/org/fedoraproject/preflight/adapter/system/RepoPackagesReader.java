package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.RepoLint;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.text.Text;

/**
 * Every package of some repositories (a directory with {@code repodata}, or its URL), read by dnf
 * itself ({@code repoquery --repofrompath}), which knows every compression and form of
 * repository metadata. dnf's cache goes into a fresh temporary directory that is deleted after;
 * the system's repositories and plugins are left out.
 */
public final class RepoPackagesReader {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final CommandRunner runner;
    private final String dnf;

    /** {@code dnf}: the program to run, {@code dnf5} or {@code dnf-3}. */
    /**
     * The packages of these repositories (directories with repodata/ or URLs) as this machine's
     * dnf reads them (dnf5 where it is, else dnf4), for the release the incidents name first.
     */
    public static Reading<List<RepoLint.RepoPackage>> onThisMachine(List<String> locations, List<Incident> incidents) {
        String dnf = Files.isExecutable(Path.of("/usr/bin/dnf5")) ? "dnf5" : "dnf-3";
        String releasever = incidents.stream().flatMap(i -> i.releases().stream()).findFirst().orElse("rawhide");
        return new RepoPackagesReader(ProcessCommandRunner.direct(), dnf).read(locations, releasever);
    }

    public RepoPackagesReader(CommandRunner runner, String dnf) {
        this.runner = runner;
        this.dnf = dnf;
    }

    public Reading<List<RepoLint.RepoPackage>> read(List<String> locations, String releasever) {
        String source = dnf + " repoquery --repofrompath";
        Path cache;
        try {
            cache = Files.createTempDirectory("preflight-lint-");
        } catch (IOException e) {
            return Reading.unavailable(source, Text.of("reading.noTempDir", String.valueOf(e.getMessage())));
        }
        try {
            List<String> command = new ArrayList<>(List.of(dnf, "--quiet", "--setopt=cachedir=" + cache,
                    "--setopt=reposdir=" + cache.resolve("no-repos"), "--disableplugin=*", "--releasever=" + releasever));
            for (int k = 0; k < locations.size(); k++) {
                String location = locations.get(k);
                String url = location.contains("://") ? location : "file://" + Path.of(location).toAbsolutePath().normalize();
                command.add("--repofrompath=preflight-lint-" + k + "," + url);
                command.add("--repo=preflight-lint-" + k);
            }
            command.addAll(List.of("repoquery", "--queryformat", "%{name} %{epoch} %{version} %{release} %{arch} %{sourcerpm}\\n"));
            CommandResult r = runner.run(command, TIMEOUT);
            if (r.exitCode() != 0) {
                return Reading.unavailable(source, r.errorLine());
            }
            List<RepoLint.RepoPackage> packages = new ArrayList<>();
            for (String line : r.stdout().split("\n")) {
                String[] f = line.strip().split(" ");
                if (f.length != 6 || !PackageName.isValid(f[0])) {
                    continue;
                }
                try {
                    packages.add(new RepoLint.RepoPackage(f[0], new Evr(Long.parseLong(f[1]), f[2], f[3]), f[4],
                            InstalledPackage.sourceName(f[5])));
                } catch (NumberFormatException | InvalidVersionException e) {
                    return Reading.unavailable(source, Text.of("reading.unexpectedLine", line));
                }
            }
            if (packages.isEmpty()) {
                return Reading.unavailable(source, Text.of("reading.noPackagesIn", String.join(", ", locations)));
            }
            return Reading.of(packages);
        } catch (CommandFailedException e) {
            return Reading.unavailable(source, e.getMessage());
        } finally {
            deleteTree(cache);
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
