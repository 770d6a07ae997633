package org.fedoraproject.preflight.adapter.system;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * Reads the update lists that dnf prints: dnf5's {@code check-upgrade} and {@code list
 * --obsoletes}, as JSON (5.4 and later) or as a table (5.2, 5.3: no heading; 5.4: an
 * {@code Upgrades} heading), and dnf4's {@code check-update} table. A table row is
 * {@code name.arch  evr  repo}; under an "Obsoleting packages" heading each row is followed by
 * the packages it obsoletes, indented. dnf4 puts a long name alone on a line and the rest of
 * the row on the next.
 */
public final class UpdateListParser {

    private static final Set<String> HEADINGS = Set.of(
            "upgrades", "available upgrades", "obsoleting packages", "installed packages", "available packages");

    private UpdateListParser() {
    }

    /** dnf5's JSON: {@code {"upgrades": [...], "obsoleting_packages": [{..., "obsoletes": [...]}]}}; {@code {}} when none. */
    public static List<PendingUpdate> parseJson(String json) throws UnexpectedOutputException {
        Map<Nevra, PendingUpdate> updates = new LinkedHashMap<>();
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject()) {
                throw new UnexpectedOutputException("expected a JSON object, got: " + abbreviate(json));
            }
            JsonObject object = root.getAsJsonObject();
            for (String key : object.keySet()) {
                JsonElement section = object.get(key);
                if (!section.isJsonArray()) {
                    throw new UnexpectedOutputException("\"" + key + "\" is not a list");
                }
                for (JsonElement entry : section.getAsJsonArray()) {
                    JsonObject pkg = entry.getAsJsonObject();
                    List<Nevra> obsoletes = new ArrayList<>();
                    if (pkg.has("obsoletes")) {
                        for (JsonElement old : pkg.getAsJsonArray("obsoletes")) {
                            obsoletes.add(nevra(old.getAsJsonObject()));
                        }
                    }
                    add(updates, new PendingUpdate(nevra(pkg), string(pkg, "repository"), obsoletes));
                }
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | InvalidVersionException e) {
            throw new UnexpectedOutputException("unexpected JSON: " + e.getMessage());
        }
        return List.copyOf(updates.values());
    }

    /** The text table of dnf5 {@code check-upgrade}/{@code list} and dnf4 {@code check-update}. */
    public static List<PendingUpdate> parseTable(String text) throws UnexpectedOutputException {
        Map<Nevra, PendingUpdate> updates = new LinkedHashMap<>();
        List<String> row = new ArrayList<>(3);
        boolean rowIndented = false;
        int rowLine = 0;
        PendingUpdate obsoleter = null;
        String[] lines = text.split("\n");
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            String trimmed = line.strip();
            if (row.isEmpty()) {
                if (trimmed.isEmpty() || trimmed.startsWith("Last metadata expiration check")) {
                    continue;
                }
                if (HEADINGS.contains(trimmed.toLowerCase(Locale.ROOT))) {
                    obsoleter = null;
                    continue;
                }
                rowIndented = Character.isWhitespace(line.charAt(0));
                rowLine = k + 1;
            }
            for (String token : trimmed.split("\\s+")) {
                if (!token.isEmpty()) {
                    row.add(token);
                }
            }
            if (row.size() < 3) {
                continue; // dnf4 wrapped a long name; the rest of the row is on the next line
            }
            if (row.size() > 3) {
                throw new UnexpectedOutputException("unexpected line " + rowLine + ": \"" + line + "\"");
            }
            Nevra nevra = row(row, rowLine, line);
            String repo = row.get(2);
            row.clear();
            if (rowIndented) {
                if (obsoleter == null) {
                    throw new UnexpectedOutputException("line " + rowLine + " is indented but follows no package: \"" + line + "\"");
                }
                List<Nevra> olds = new ArrayList<>(obsoleter.obsoletes());
                olds.add(nevra);
                obsoleter = new PendingUpdate(obsoleter.nevra(), obsoleter.repository(), olds);
                add(updates, obsoleter);
            } else {
                obsoleter = new PendingUpdate(nevra, repo, List.of());
                add(updates, obsoleter);
            }
        }
        if (!row.isEmpty()) {
            throw new UnexpectedOutputException("output ends in the middle of a row: \"" + String.join(" ", row) + "\"");
        }
        return List.copyOf(updates.values());
    }

    /** The same package listed twice (an upgrade that also obsoletes) becomes one entry with both. */
    private static void add(Map<Nevra, PendingUpdate> updates, PendingUpdate update) {
        updates.merge(update.nevra(), update, (a, b) -> {
            List<Nevra> obsoletes = new ArrayList<>(a.obsoletes());
            b.obsoletes().stream().filter(n -> !obsoletes.contains(n)).forEach(obsoletes::add);
            return new PendingUpdate(a.nevra(), a.repository(), obsoletes);
        });
    }

    /** Combines update lists from several commands (dnf5's check-upgrade and list --obsoletes). */
    public static List<PendingUpdate> combine(List<List<PendingUpdate>> lists) {
        Map<Nevra, PendingUpdate> updates = new LinkedHashMap<>();
        lists.forEach(list -> list.forEach(u -> add(updates, u)));
        return List.copyOf(updates.values());
    }

    private static Nevra row(List<String> row, int lineNumber, String line) throws UnexpectedOutputException {
        String nameArch = row.get(0);
        int dot = nameArch.lastIndexOf('.');
        try {
            if (dot <= 0) {
                throw new InvalidVersionException(nameArch, "name.arch");
            }
            return new Nevra(nameArch.substring(0, dot), Evr.parseWithRelease(row.get(1)), nameArch.substring(dot + 1));
        } catch (InvalidVersionException e) {
            throw new UnexpectedOutputException("unexpected line " + lineNumber + ": \"" + line.strip() + "\" (" + e.getMessage() + ")");
        }
    }

    private static Nevra nevra(JsonObject pkg) {
        return new Nevra(string(pkg, "name"), Evr.parseWithRelease(string(pkg, "evr")), string(pkg, "arch"));
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalStateException("\"" + key + "\" is missing in " + object);
        }
        return value.getAsString();
    }

    static String abbreviate(String s) {
        String oneLine = s.strip().replace('\n', ' ');
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
