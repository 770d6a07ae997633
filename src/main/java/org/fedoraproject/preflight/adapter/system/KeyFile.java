package org.fedoraproject.preflight.adapter.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An INI-style key file as dnf.conf, PackageKit's state files (GKeyFile) and KDE's kdeglobals
 * are written: {@code [section]} lines, {@code key=value} lines, comments after {@code #} or
 * {@code ;} at a line's start. One reader for all of them; a later key wins, as in dnf.
 */
public final class KeyFile {

    private final Map<String, String> values;

    private KeyFile(Map<String, String> values) {
        this.values = values;
    }

    public static KeyFile parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String section = "";
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
            } else if (line.contains("=")) {
                int eq = line.indexOf('=');
                values.put(section + "\u0000" + line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return new KeyFile(values);
    }

    /** The value of a key in a section, if the file sets it. */
    public Optional<String> get(String section, String key) {
        return Optional.ofNullable(values.get(section + "\u0000" + key));
    }

    public String get(String section, String key, String otherwise) {
        return get(section, key).orElse(otherwise);
    }
}
