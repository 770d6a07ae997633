package org.fedoraproject.preflight.adapter.fedora;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.signal.Bug;

/**
 * Bugzilla's REST answer {@code {"bugs": [...], "faults": []}}. On Red Hat's Bugzilla
 * {@code component} and {@code version} come as arrays or strings; both are read. Times are
 * "2026-11-20T10:11:12Z" (or without the Z: UTC either way). A bug without an id is skipped.
 */
public final class BugzillaParser {

    private BugzillaParser() {
    }

    public static List<Bug> parse(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonElement error = root.get("error");
        if (error != null && error.isJsonPrimitive() && error.getAsBoolean()) {
            throw new SourceSaid("Bugzilla said: " + SafeText.line(string(root, "message")));
        }
        List<Bug> bugs = new ArrayList<>();
        JsonElement list = root.get("bugs");
        if (list == null || !list.isJsonArray()) {
            throw new IllegalArgumentException("no \"bugs\" list");
        }
        for (JsonElement e : list.getAsJsonArray()) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has("id")) {
                continue;
            }
            JsonObject b = e.getAsJsonObject();
            List<String> components = strings(b.get("component"));
            String status = string(b, "status");
            JsonElement isOpen = b.get("is_open");
            boolean open = isOpen != null && isOpen.isJsonPrimitive() ? isOpen.getAsBoolean() : !status.equals("CLOSED");
            List<String> fixedIn = new ArrayList<>();
            for (String word : string(b, "cf_fixed_in").split("[\\s,]+")) {
                if (!word.isEmpty()) {
                    fixedIn.add(word);
                }
            }
            bugs.add(new Bug(b.get("id").getAsLong(), string(b, "summary"), components.isEmpty() ? "" : components.get(0),
                    strings(b.get("version")), status, string(b, "resolution"), open, strings(b.get("keywords")), fixedIn,
                    string(b, "severity"), time(string(b, "creation_time"))));
        }
        return bugs;
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonPrimitive()) {
            out.add(SafeText.line(e.getAsString()));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonPrimitive()) {
                    out.add(SafeText.line(x.getAsString()));
                }
            });
        }
        return out;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? SafeText.line(e.getAsString()) : "";
    }

    static Instant time(String text) {
        try {
            return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
