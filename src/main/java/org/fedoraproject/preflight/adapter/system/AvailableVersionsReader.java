package org.fedoraproject.preflight.adapter.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.text.Text;

/**
 * The versions of some packages that the enabled repositories offer, from dnf's cached metadata
 * ({@code repoquery --available}, every version): whether a downgrade target can be had.
 */
public final class AvailableVersionsReader {

    static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final Target target;
    private final PackageManager manager;

    public AvailableVersionsReader(Target target, PackageManager manager) {
        this.target = target;
        this.manager = manager;
    }

    public Reading<Map<String, Set<Evr>>> read(Set<String> names) {
        if (names.isEmpty() || manager == PackageManager.RPM_OSTREE || !target.hasRpmDatabase()) {
            return Reading.of(Map.of());
        }
        List<String> command = new ArrayList<>(target.dnfQuery(manager, List.of("repoquery", "--available")));
        if (manager == PackageManager.DNF4) {
            command.add("--showduplicates");
        }
        command.addAll(List.of("--queryformat", "%{name} %{epoch}:%{version}-%{release}\\n"));
        names.stream().map(PackageName::check).sorted().forEach(command::add);
        String source = command.get(0) + " repoquery --available";
        try {
            CommandResult r = target.runner().run(command, TIMEOUT);
            if (r.exitCode() != 0) {
                return Reading.unavailable(source, r.errorLine());
            }
            Map<String, Set<Evr>> versions = new HashMap<>();
            for (String line : r.stdout().split("\n")) {
                String[] f = line.strip().split(" ");
                if (f.length == 2 && names.contains(f[0])) {
                    try {
                        versions.computeIfAbsent(f[0], n -> new HashSet<>()).add(Evr.parse(f[1]));
                    } catch (InvalidVersionException e) {
                        return Reading.unavailable(source, Text.of("reading.unexpectedLine", line));
                    }
                }
            }
            return Reading.of(versions);
        } catch (CommandFailedException e) {
            return Reading.unavailable(source, e.getMessage());
        }
    }
}
