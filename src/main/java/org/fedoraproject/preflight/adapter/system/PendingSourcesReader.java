package org.fedoraproject.preflight.adapter.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.PackageName;

/**
 * The source package of each pending update, from dnf's cached metadata
 * ({@code repoquery --upgrades}, with {@code %{sourcerpm}}): dnf's check-upgrade does not say it.
 * Asked only when an incident names a source package.
 */
public final class PendingSourcesReader {

    static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final Target target;
    private final PackageManager manager;

    public PendingSourcesReader(Target target, PackageManager manager) {
        this.target = target;
        this.manager = manager;
    }

    public Reading<Map<String, String>> read() {
        if (manager == PackageManager.RPM_OSTREE || !target.hasRpmDatabase()) {
            return Reading.of(Map.of());
        }
        List<String> command = target.dnfQuery(manager, List.of("repoquery", "--upgrades", "--queryformat", "%{name} %{sourcerpm}\\n"));
        String source = command.get(0) + " repoquery --upgrades";
        try {
            CommandResult r = target.runner().run(command, TIMEOUT);
            if (r.exitCode() != 0) {
                return Reading.unavailable(source, r.errorLine());
            }
            Map<String, String> sources = new HashMap<>();
            for (String line : r.stdout().split("\n")) {
                String[] f = line.strip().split(" ");
                if (f.length == 2 && PackageName.isValid(f[0])) {
                    String name = InstalledPackage.sourceName(f[1]);
                    if (!name.isEmpty()) {
                        sources.put(f[0], name);
                    }
                }
            }
            return Reading.of(sources);
        } catch (CommandFailedException e) {
            return Reading.unavailable(source, e.getMessage());
        }
    }
}
