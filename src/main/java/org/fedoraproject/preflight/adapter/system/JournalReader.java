package org.fedoraproject.preflight.adapter.system;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.health.BootSpan;
import org.fedoraproject.preflight.health.Crash;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.health.Module;
import org.fedoraproject.preflight.health.UnitFailure;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.text.Text;

/**
 * The journal's coredumps, unit failures and boots, through {@code journalctl -o json} with
 * matches on their MESSAGE_IDs (the journal's index: never a full dump) and only the fields
 * needed ({@code --output-fields}: no environment, command line or stack trace is read). As the
 * user: without wheel or systemd-journal only their own journal is there, which is said, not failed.
 */
public final class JournalReader {

    static final String COREDUMP = "fc2e22bc6ee647b6b90729ab34a250b1";
    static final String UNIT_FAILED = "d9b373ed55a64feb8242e02dbe79a49c";
    static final String STARTUP_FINISHED = "b07a249cd024414a82dd00cd181378ff";
    static final String FIELDS = "MESSAGE_ID,_BOOT_ID,COREDUMP_EXE,COREDUMP_SIGNAL,COREDUMP_UNIT,COREDUMP_USER_UNIT,"
            + "COREDUMP_PACKAGE_NAME,COREDUMP_PACKAGE_VERSION,COREDUMP_PACKAGE_JSON,UNIT,UNIT_RESULT";
    /** More records than this are not read: the newest are what matter, and a flood is said. */
    static final int MAX_RECORDS = 100_000;
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final CommandRunner runner;
    private final List<String> where;

    private JournalReader(CommandRunner runner, List<String> where) {
        this.runner = runner;
        this.where = List.copyOf(where);
    }

    /** The journal of the running system (for the Flatpak, through its runner on the host). */
    public static JournalReader ofSystem(CommandRunner runner) {
        return new JournalReader(runner, List.of());
    }

    /** The journal under a root, as {@code journalctl --root} reads it. */
    public static JournalReader ofRoot(CommandRunner runner, Path root) {
        return new JournalReader(runner, List.of("--root=" + root));
    }

    /** The journal files in a directory, as {@code journalctl --directory} reads them. */
    public static JournalReader ofDirectory(CommandRunner runner, Path directory) {
        return new JournalReader(runner, List.of("--directory=" + directory));
    }

    public Reading<Evidence> read(Instant since) {
        List<String> records = new ArrayList<>(List.of("journalctl"));
        records.addAll(where);
        records.addAll(List.of("--no-pager", "-o", "json", "--since=@" + since.getEpochSecond(), "--output-fields=" + FIELDS,
                "MESSAGE_ID=" + COREDUMP, "MESSAGE_ID=" + UNIT_FAILED, "MESSAGE_ID=" + STARTUP_FINISHED));
        List<String> boots = new ArrayList<>(List.of("journalctl"));
        boots.addAll(where);
        boots.addAll(List.of("--no-pager", "--list-boots", "-o", "json"));
        try {
            CommandResult r = runner.run(records, TIMEOUT);
            if (r.exitCode() != 0) {
                return r.stderr().contains("insufficient permissions")
                        ? Reading.unavailable("journalctl", Text.of("reading.journalPermissions"))
                        : Reading.unavailable("journalctl", r.errorLine());
            }
            Evidence.Scope scope = r.stderr().contains("not seeing messages from other users") ? Evidence.Scope.OWN
                    : Evidence.Scope.SYSTEM;
            List<Crash> crashes = new ArrayList<>();
            List<UnitFailure> failures = new ArrayList<>();
            Set<String> started = new HashSet<>();
            int count = 0;
            for (String line : r.stdout().split("\n")) {
                if (line.isBlank() || ++count > MAX_RECORDS) {
                    continue;
                }
                parse(line, crashes, failures, started);
            }
            CommandResult b = runner.run(boots, TIMEOUT);
            List<BootSpan> spans = b.exitCode() == 0 ? boots(b.stdout(), started) : List.of();
            return Reading.of(new Evidence(crashes, failures, spans, scope));
        } catch (CommandFailedException e) {
            return Reading.unavailable("journalctl", e.getMessage());
        }
    }

    /** One record; one that is not JSON, or has no time, is skipped: a journal may hold anything. */
    static void parse(String line, List<Crash> crashes, List<UnitFailure> failures, Set<String> started) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                return;
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return;
        }
        Optional<Instant> at = field(o, "__REALTIME_TIMESTAMP").flatMap(JournalReader::micros);
        String boot = field(o, "_BOOT_ID").orElse("");
        String id = field(o, "MESSAGE_ID").orElse("");
        if (at.isEmpty()) {
            return;
        }
        switch (id) {
            case COREDUMP -> crashes.add(new Crash(at.get(), field(o, "COREDUMP_EXE").orElse("(unknown program)"), program(o),
                    modules(field(o, "COREDUMP_PACKAGE_JSON").orElse("")),
                    field(o, "COREDUMP_UNIT").or(() -> field(o, "COREDUMP_USER_UNIT")).orElse(""),
                    field(o, "COREDUMP_SIGNAL").filter(s -> s.matches("[0-9]{1,3}")).map(Integer::parseInt).orElse(0), boot));
            case UNIT_FAILED -> failures.add(new UnitFailure(at.get(), field(o, "UNIT").orElse(""), field(o, "UNIT_RESULT").orElse(""),
                    boot));
            case STARTUP_FINISHED -> started.add(boot);
            default -> {
            }
        }
    }

    private static Optional<Module> program(JsonObject o) {
        Optional<String> name = field(o, "COREDUMP_PACKAGE_NAME");
        Optional<String> version = field(o, "COREDUMP_PACKAGE_VERSION");
        return name.isPresent() && version.isPresent() ? Optional.of(new Module(name.get(), version.get())) : Optional.empty();
    }

    /** The package notes of every module: an object keyed by module path, each with type, name and version. */
    static List<Module> modules(String json) {
        List<Module> out = new ArrayList<>();
        if (json.isBlank()) {
            return out;
        }
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                return out;
            }
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (m.getValue().isJsonObject()) {
                    Optional<String> name = field(m.getValue().getAsJsonObject(), "name");
                    Optional<String> version = field(m.getValue().getAsJsonObject(), "version");
                    if (name.isPresent() && version.isPresent()) {
                        out.add(new Module(name.get(), version.get()));
                    }
                }
            }
        } catch (JsonParseException | IllegalStateException ignored) {
            // Notes that are no JSON name nothing.
        }
        return out.stream().distinct().toList();
    }

    /**
     * A field as text: the journal gives a string, an array of bytes for a value that is not
     * UTF-8, or an array of either when the field is repeated (the first counts). Cleaned of
     * terminal and bidi controls: it may be shown.
     */
    static Optional<String> field(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            if (a.isEmpty()) {
                return Optional.empty();
            }
            if (a.get(0).isJsonPrimitive() && a.get(0).getAsJsonPrimitive().isNumber()) {
                byte[] bytes = new byte[Math.min(a.size(), 4096)];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = a.get(k).isJsonPrimitive() ? (byte) a.get(k).getAsInt() : (byte) '?';
                }
                return Optional.of(SafeText.line(new String(bytes, StandardCharsets.UTF_8)));
            }
            e = a.get(0);
            if (!e.isJsonPrimitive()) {
                return Optional.empty();
            }
        }
        if (!e.isJsonPrimitive()) {
            return Optional.empty();
        }
        String value = e.getAsString();
        return Optional.of(key.equals("COREDUMP_PACKAGE_JSON") ? value : SafeText.line(value));
    }

    private static Optional<Instant> micros(String text) {
        if (!text.matches("[0-9]{1,19}")) {
            return Optional.empty();
        }
        long us = Long.parseLong(text);
        return Optional.of(Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000));
    }

    /** {@code --list-boots -o json}: each boot's id and its first and last entries (µs). */
    static List<BootSpan> boots(String json, Set<String> started) {
        List<BootSpan> out = new ArrayList<>();
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonArray()) {
                return out;
            }
            for (JsonElement b : e.getAsJsonArray()) {
                if (!b.isJsonObject()) {
                    continue;
                }
                JsonObject o = b.getAsJsonObject();
                Optional<String> id = field(o, "boot_id");
                Optional<Instant> first = field(o, "first_entry").flatMap(JournalReader::micros);
                Optional<Instant> last = field(o, "last_entry").flatMap(JournalReader::micros);
                if (id.isPresent() && first.isPresent() && last.isPresent()) {
                    out.add(new BootSpan(id.get(), first.get(), last.get(), started.contains(id.get())));
                }
            }
        } catch (JsonParseException | IllegalStateException ignored) {
            // No list of boots: the calendar days stand in for the days up.
        }
        return out;
    }
}
