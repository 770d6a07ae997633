package org.fedoraproject.preflight.desk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The file of one incident on the desk: a TOML front-matter block between {@code +++} lines
 * (the fields of feed format 1, one per line, so that a merge request's diff reads as the change
 * it is; the timeline last, so that a new entry is lines added at its end) and Markdown sections
 * (Summary, Workaround, Post-mortem). Written the same way every time: the same incident, the
 * same bytes.
 */
public final class IncidentFile {

    /** Something wrong in a file, at a line (1-based; 0 when it is about the whole file). */
    public record Problem(int line, String message) {
    }

    /** What a file holds: the incident when it could be read, and what is wrong with it. */
    public record Read(Optional<DeskIncident> incident, List<Problem> problems, Map<String, Integer> lines) {
        /** The line of a field ("severity", "affected[1].fixed"), or the first line when it is not in the file. */
        public int lineOf(String field) {
            return lines.getOrDefault(field, 1);
        }
    }

    static final String FENCE = "+++";
    static final List<String> SECTIONS = List.of("Summary", "Workaround", "Post-mortem");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private IncidentFile() {
    }

    public static String write(DeskIncident i) {
        StringBuilder out = new StringBuilder(FENCE).append('\n');
        key(out, "id", i.id());
        key(out, "title", i.title());
        key(out, "status", i.status());
        key(out, "severity", i.severity());
        list(out, "releases", i.releases());
        list(out, "variants", i.variants());
        list(out, "arches", i.arches());
        out.append("published = ").append(TIME.format(i.published())).append('\n');
        out.append("modified = ").append(TIME.format(i.modified())).append('\n');
        i.resolved().ifPresent(r -> out.append("resolved = ").append(TIME.format(r)).append('\n'));
        list(out, "bad_updates", i.badUpdates());
        list(out, "fix_updates", i.fixUpdates());
        key(out, "fix_expected", i.fixExpected());
        key(out, "fix_note", i.fixNote());
        for (DeskIncident.Entry e : i.affected()) {
            out.append("\n[[affected]]\n");
            key(out, "name", e.name());
            key(out, "source", e.source());
            key(out, "introduced", e.introduced());
            key(out, "fixed", e.fixed());
            key(out, "last_good", e.lastGood());
        }
        for (DeskIncident.LinkRef l : i.links()) {
            out.append("\n[[links]]\n");
            key(out, "rel", l.rel());
            key(out, "url", l.url());
        }
        for (DeskIncident.Event e : i.timeline()) {
            out.append("\n[[timeline]]\n");
            out.append("at = ").append(TIME.format(e.at())).append('\n');
            key(out, "status", e.status());
            key(out, "text", e.text());
        }
        out.append(FENCE).append('\n');
        section(out, "Summary", i.summary());
        section(out, "Workaround", i.workaround());
        section(out, "Post-mortem", i.postmortem());
        return out.toString();
    }

    public static Read read(String text) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> all = text.lines().toList();
        int close = all.size() > 0 && all.get(0).equals(FENCE) ? all.subList(1, all.size()).indexOf(FENCE) + 1 : -1;
        if (close <= 0) {
            problems.add(new Problem(1, "the file does not start with a front-matter block between +++ lines"));
            return new Read(Optional.empty(), problems, lines);
        }
        TomlParseResult toml = Toml.parse(String.join("\n", all.subList(1, close)));
        toml.errors().forEach(e -> problems.add(new Problem(line(e.position()), e.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", ""))));
        if (!problems.isEmpty()) {
            return new Read(Optional.empty(), problems, lines);
        }
        Fields f = new Fields(toml, "", problems, lines);
        List<DeskIncident.Entry> affected = new ArrayList<>();
        f.tables("affected").forEach(t -> affected.add(new DeskIncident.Entry(t.text("name"), t.text("source"), t.text("introduced"),
                t.text("fixed"), t.text("last_good"))));
        List<DeskIncident.LinkRef> links = new ArrayList<>();
        f.tables("links").forEach(t -> links.add(new DeskIncident.LinkRef(t.text("rel"), t.text("url"))));
        List<DeskIncident.Event> timeline = new ArrayList<>();
        f.tables("timeline").forEach(t -> timeline.add(new DeskIncident.Event(t.time("at").orElse(Instant.EPOCH), t.text("status"),
                t.text("text"))));
        Map<String, String> sections = sections(all.subList(close + 1, all.size()), close + 2, problems);
        DeskIncident incident = new DeskIncident(f.text("id"), f.text("title"), f.text("status"), f.text("severity"),
                f.texts("releases"), f.texts("variants"), f.texts("arches"), f.time("published").orElse(Instant.EPOCH),
                f.time("modified").orElse(Instant.EPOCH), f.time("resolved"), affected, f.texts("bad_updates"),
                f.texts("fix_updates"), f.text("fix_expected"), f.text("fix_note"), links, timeline,
                sections.getOrDefault("Summary", ""), sections.getOrDefault("Workaround", ""), sections.getOrDefault("Post-mortem", ""));
        for (String required : List.of("id", "status", "published", "modified")) {
            if (!toml.contains(required)) {
                problems.add(new Problem(1, "the front matter has no " + required));
            }
        }
        return new Read(Optional.of(incident), problems, lines);
    }

    /** The front matter starts on the file's second line. */
    private static int line(TomlPosition p) {
        return p == null ? 1 : p.line() + 1;
    }

    /** The Markdown sections under their "## " headings; text before the first one, or under another heading, is named. */
    private static Map<String, String> sections(List<String> body, int firstLine, List<Problem> problems) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        StringBuilder current = null;
        for (int k = 0; k < body.size(); k++) {
            String line = body.get(k);
            if (line.startsWith("## ")) {
                String name = line.substring(3).strip();
                if (!SECTIONS.contains(name)) {
                    problems.add(new Problem(firstLine + k, "\"" + name + "\" is not a section of an incident (" + SECTIONS + ")"));
                }
                current = out.computeIfAbsent(name, n -> new StringBuilder());
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (!line.isBlank()) {
                problems.add(new Problem(firstLine + k, "text before the first section heading"));
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        out.forEach((k, v) -> texts.put(k, v.toString().strip()));
        return texts;
    }

    private static void section(StringBuilder out, String name, String text) {
        out.append("\n## ").append(name).append("\n\n");
        if (!text.isBlank()) {
            out.append(text.strip()).append('\n');
        }
    }

    private static void key(StringBuilder out, String key, String value) {
        out.append(key).append(" = ").append(quoted(value)).append('\n');
    }

    private static void list(StringBuilder out, String key, List<String> values) {
        out.append(key).append(" = [").append(String.join(", ", values.stream().map(IncidentFile::quoted).toList())).append("]\n");
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The fields of one table, each read as what it should be, with its line noted and a wrong type named. */
    private static final class Fields {
        private final TomlTable table;
        private final String prefix;
        private final List<Problem> problems;
        private final Map<String, Integer> lines;

        Fields(TomlTable table, String prefix, List<Problem> problems, Map<String, Integer> lines) {
            this.table = table;
            this.prefix = prefix;
            this.problems = problems;
            this.lines = lines;
            for (String key : table.keySet()) {
                lines.put(prefix + key, line(table.inputPositionOf(key)));
            }
        }

        String text(String key) {
            Object v = table.get(key);
            if (v == null) {
                return "";
            }
            if (v instanceof String s) {
                return s;
            }
            wrong(key, "text in quotes");
            return "";
        }

        List<String> texts(String key) {
            Object v = table.get(key);
            if (v == null) {
                return List.of();
            }
            if (v instanceof TomlArray a && all(a, String.class)) {
                List<String> out = new ArrayList<>();
                for (int k = 0; k < a.size(); k++) {
                    out.add(a.getString(k));
                }
                return out;
            }
            wrong(key, "a list of texts in quotes");
            return List.of();
        }

        Optional<Instant> time(String key) {
            Object v = table.get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (v instanceof OffsetDateTime t) {
                return Optional.of(t.toInstant());
            }
            wrong(key, "a time with its offset, as 2026-12-07T10:00:00Z");
            return Optional.empty();
        }

        List<Fields> tables(String key) {
            Object v = table.get(key);
            List<Fields> out = new ArrayList<>();
            if (v == null) {
                return out;
            }
            if (!(v instanceof TomlArray a) || !all(a, TomlTable.class)) {
                wrong(key, "a list of [[" + key + "]] tables");
                return out;
            }
            for (int k = 0; k < a.size(); k++) {
                out.add(new Fields(a.getTable(k), prefix + key + "[" + k + "].", problems, lines));
            }
            return out;
        }

        /** Every element of the array is a {@code type} (TOML arrays may mix types). */
        private static boolean all(TomlArray a, Class<?> type) {
            return a.toList().stream().allMatch(type::isInstance);
        }

        private void wrong(String key, String what) {
            problems.add(new Problem(line(table.inputPositionOf(key)), prefix + key + " must be " + what));
        }
    }
}
