package org.fedoraproject.preflight.adapter.system;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.Reading;

/**
 * The source package of each failed unit: the package that owns its unit file, as
 * {@code rpm -qf} says (system and user units, vendor and admin directories). A unit no package
 * owns has none; a name that is no unit name is not asked about.
 */
public final class UnitSourcesReader {

    static final List<String> DIRECTORIES = List.of("/usr/lib/systemd/system/", "/usr/lib/systemd/user/", "/etc/systemd/system/");
    static final Pattern UNIT = Pattern.compile("[A-Za-z0-9:_.@\\\\-]{1,200}\\.(service|socket|timer|mount|path|target|scope|slice)");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Target target;

    public UnitSourcesReader(Target target) {
        this.target = target;
    }

    public Reading<Map<String, String>> read(Set<String> units) {
        List<String> asked = units.stream().filter(u -> UNIT.matcher(u).matches()).sorted().toList();
        if (asked.isEmpty() || !target.hasRpmDatabase()) {
            return Reading.of(Map.of());
        }
        // A templated instance (getty@tty1.service) is owned as its template (getty@.service).
        List<String> command = new ArrayList<>(List.of("rpm"));
        command.addAll(target.rpmRootArgs());
        command.addAll(List.of("-qf", "--queryformat", "%{SOURCERPM}\\n"));
        // Only the unit files that are there: rpm says a missing one on stderr, an unowned one on stdout.
        List<String> paths = new ArrayList<>();
        List<String> unitOf = new ArrayList<>();
        for (String unit : asked) {
            String file = unit.replaceFirst("@[^.]+\\.", "@.");
            for (String d : DIRECTORIES) {
                if (Files.isRegularFile(target.file((d + file).substring(1)))) {
                    paths.add(d + file);
                    unitOf.add(unit);
                }
            }
        }
        if (paths.isEmpty()) {
            return Reading.of(Map.of());
        }
        command.addAll(paths);
        try {
            // rpm exits 1 when a file is not owned; each path still has its one line.
            CommandResult r = target.runner().run(command, TIMEOUT);
            return Reading.of(parse(unitOf, r.stdout()));
        } catch (CommandFailedException e) {
            return Reading.unavailable("rpm -qf", e.getMessage());
        }
    }

    /** One line per path, in order (the unit each is for in {@code unitOf}): a source RPM, or rpm's "is not owned". */
    static Map<String, String> parse(List<String> unitOf, String stdout) {
        List<String> lines = stdout.lines().toList();
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < lines.size() && k < unitOf.size(); k++) {
            String source = InstalledPackage.sourceName(lines.get(k));
            if (!source.isEmpty()) {
                out.putIfAbsent(unitOf.get(k), source);
            }
        }
        return out;
    }
}
