package org.fedoraproject.preflight.adapter.system;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * dnf's updateinfo output. dnf5 {@code advisory info --json}: an array since 5.3 (issued as UNIX
 * time), an object keyed by advisory name before (issued as "YYYY-MM-DD HH:MM:SS");
 * {@code collections} an object with {@code packages}, or an array of such objects. dnf4's
 * {@code updateinfo list}: {@code ID LABEL NEVRA} rows, where a security label is
 * {@code Severity/Sec.}, and its {@code updateinfo info} blocks.
 */
public final class AdvisoryParser {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AdvisoryParser() {
    }

    public static List<Advisory> dnf5Info(String json) {
        String text = json.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        JsonElement root = JsonParser.parseString(text);
        List<JsonObject> items = new ArrayList<>();
        if (root.isJsonArray()) {
            root.getAsJsonArray().forEach(e -> {
                if (e.isJsonObject()) {
                    items.add(e.getAsJsonObject());
                }
            });
        } else if (root.isJsonObject()) {
            root.getAsJsonObject().entrySet().forEach(e -> {
                if (e.getValue().isJsonObject()) {
                    items.add(e.getValue().getAsJsonObject());
                }
            });
        }
        List<Advisory> advisories = new ArrayList<>();
        for (JsonObject a : items) {
            String id = string(a, "Name");
            if (id.isEmpty()) {
                continue;
            }
            List<Nevra> packages = new ArrayList<>();
            JsonElement collections = a.get("collections");
            List<JsonObject> colls = new ArrayList<>();
            if (collections != null && collections.isJsonObject()) {
                colls.add(collections.getAsJsonObject());
            } else if (collections != null && collections.isJsonArray()) {
                collections.getAsJsonArray().forEach(c -> {
                    if (c.isJsonObject()) {
                        colls.add(c.getAsJsonObject());
                    }
                });
            }
            for (JsonObject c : colls) {
                JsonElement p = c.get("packages");
                if (p != null && p.isJsonArray()) {
                    p.getAsJsonArray().forEach(n -> nevra(n.isJsonPrimitive() ? n.getAsString() : "").ifPresent(packages::add));
                }
            }
            List<Long> bugs = new ArrayList<>();
            JsonElement refs = a.get("references");
            if (refs != null && refs.isJsonArray()) {
                for (JsonElement r : refs.getAsJsonArray()) {
                    if (r.isJsonObject() && string(r.getAsJsonObject(), "Type").equals("bugzilla")) {
                        bug(string(r.getAsJsonObject(), "Id")).ifPresent(bugs::add);
                    }
                }
            }
            String severity = string(a, "Severity");
            advisories.add(new Advisory(id, string(a, "Type"), severity.equalsIgnoreCase("None") ? "" : severity,
                    issued(a.get("Issued")), packages, bugs));
        }
        return advisories;
    }

    /**
     * dnf4: {@code updateinfo list --updates} gives each advisory's packages, {@code updateinfo
     * info --updates} its bugs and dates (key: value lines, a bug list continued on lines that
     * begin with ":"; "Updated" is the issue date when the advisory was never updated).
     */
    public static List<Advisory> dnf4Lists(String byAdvisory, String info) {
        Map<String, List<Nevra>> packages = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String[] row : rows(byAdvisory)) {
            Optional<Nevra> n = nevra(row[2]);
            if (n.isPresent()) {
                packages.computeIfAbsent(row[0], k -> new ArrayList<>()).add(n.get());
                labels.putIfAbsent(row[0], row[1]);
            }
        }
        Map<String, Set<Long>> bugs = new LinkedHashMap<>();
        Map<String, Instant> dates = new LinkedHashMap<>();
        Map<String, String> severities = new LinkedHashMap<>();
        String id = null;
        String key = "";
        for (String line : info.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String k = line.substring(0, colon).strip();
            String value = SafeText.line(line.substring(colon + 1)).strip();
            key = k.isEmpty() ? key : k;
            switch (key) {
                case "Update ID" -> id = value;
                case "Bugs" -> {
                    String bug = value.split("\\s", 2)[0];
                    if (id != null) {
                        String advisory = id;
                        bug(bug).ifPresent(b -> bugs.computeIfAbsent(advisory, x -> new LinkedHashSet<>()).add(b));
                    }
                }
                case "Severity" -> {
                    if (id != null && !value.isEmpty() && !value.equalsIgnoreCase("None")) {
                        severities.putIfAbsent(id, SafeText.line(value));
                    }
                }
                case "Issued", "Updated" -> {
                    if (id != null) {
                        String advisory = id;
                        time(value).ifPresent(t -> dates.merge(advisory, t, (a, b) -> a.isBefore(b) ? a : b));
                    }
                }
                default -> { }
            }
        }
        List<Advisory> advisories = new ArrayList<>();
        packages.forEach((advisory, nevras) -> {
            String label = labels.get(advisory);
            boolean security = label.endsWith("/Sec.");
            String type = security ? "security" : label;
            // The list labels only security advisories with a severity; the info block has every one's.
            String severity = security ? label.substring(0, label.length() - "/Sec.".length())
                    : severities.getOrDefault(advisory, "");
            advisories.add(new Advisory(advisory, type, severity, Optional.ofNullable(dates.get(advisory)), nevras,
                    List.copyOf(bugs.getOrDefault(advisory, Set.of()))));
        });
        return advisories;
    }

    /** A date as dnf prints it; libsolv's 0 (a date it could not read) is no date. */
    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, ISSUED).toInstant(ZoneOffset.UTC)).filter(t -> !t.equals(Instant.EPOCH));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The rows of a dnf4 list: three columns, after an optional installed mark ("i "). */
    private static List<String[]> rows(String text) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = SafeText.line(line).strip().split("\\s+"); // dnf prints the repositories' text as it is
            if (f.length == 4 && f[0].equals("i")) {
                f = new String[] {f[1], f[2], f[3]};
            }
            if (f.length == 3) {
                rows.add(f);
            }
        }
        return rows;
    }

    private static Optional<Nevra> nevra(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Nevra.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> bug(String text) {
        return text.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static Optional<Instant> issued(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return Optional.empty();
        }
        if (e.getAsJsonPrimitive().isNumber()) {
            return Optional.of(Instant.ofEpochSecond(e.getAsLong())).filter(t -> !t.equals(Instant.EPOCH));
        }
        return time(e.getAsString());
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? SafeText.line(e.getAsString()) : "";
    }

}
