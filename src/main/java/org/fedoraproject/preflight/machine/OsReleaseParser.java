package org.fedoraproject.preflight.machine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses os-release(5): {@code KEY=value} lines, values optionally in single or double quotes,
 * backslash escapes inside double quotes, {@code #} comments. Lines that are not assignments
 * are ignored, as systemd does.
 */
public final class OsReleaseParser {

    private OsReleaseParser() {
    }

    public static OsRelease parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            fields.put(key, unquote(line.substring(eq + 1)));
        }
        return OsRelease.of(fields);
    }

    static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if (first == '\'' && last == '\'') {
                return value.substring(1, value.length() - 1);
            }
            if (first == '"' && last == '"') {
                return unescape(value.substring(1, value.length() - 1));
            }
        }
        return value;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '\\' && k + 1 < value.length()) {
                c = value.charAt(++k);
            }
            out.append(c);
        }
        return out.toString();
    }
}
