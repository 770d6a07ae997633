package org.fedoraproject.preflight.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.Nvr;
import org.fedoraproject.preflight.rpm.PackageName;

/**
 * The packages held by versionlock: dnf5's {@code etc/dnf/versionlock.toml} ({@code name = "…"}
 * in each {@code [[packages]]} entry) and dnf4's plugin list {@code etc/dnf/plugins/versionlock.list}
 * ({@code name-epoch:version-release.*} lines, {@code !} for an exclude). Read, never written.
 */
public final class HoldsReader {

    static final String DNF5 = "etc/dnf/versionlock.toml";
    static final String DNF4 = "etc/dnf/plugins/versionlock.list";
    private static final Pattern TOML_NAME = Pattern.compile("^\\s*name\\s*=\\s*\"([^\"]+)\"\\s*$");

    private final Target target;

    public HoldsReader(Target target) {
        this.target = target;
    }

    public Reading<Set<String>> read() {
        Set<String> held = new TreeSet<>();
        try {
            for (String line : lines(DNF5)) {
                Matcher m = TOML_NAME.matcher(line);
                if (m.matches() && PackageName.isValid(m.group(1))) {
                    held.add(m.group(1));
                }
            }
            for (String line : lines(DNF4)) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                entry = entry.startsWith("!") ? entry.substring(1) : entry;
                entry = entry.endsWith(".*") ? entry.substring(0, entry.length() - 2) : entry;
                try {
                    held.add(Nvr.parse(entry).name());
                } catch (InvalidVersionException e) {
                    if (PackageName.isValid(entry)) {
                        held.add(entry);
                    }
                }
            }
        } catch (IOException e) {
            return Reading.unavailable("versionlock", e.getMessage());
        }
        return Reading.of(Set.copyOf(held));
    }

    private java.util.List<String> lines(String relative) throws IOException {
        try {
            return Files.readAllLines(target.file(relative), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return java.util.List.of();
        }
    }
}
