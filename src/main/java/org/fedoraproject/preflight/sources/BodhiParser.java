package org.fedoraproject.preflight.sources;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.signal.BodhiUpdate;

/**
 * Bodhi's {@code GET /updates/} answer: {@code {updates: [...], page, pages, ...}}. Missing or
 * null fields take neutral values (karma 0, no comments); an update without an alias is skipped;
 * an unknown status is kept as Bodhi gives it. Dates are Bodhi's "yyyy-MM-dd HH:mm:ss" in UTC.
 */
public final class BodhiParser {

    /** One page: its updates and how many pages there are. */
    public record Page(List<BodhiUpdate> updates, int page, int pages) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BodhiParser() {
    }

    public static Page parse(String json, String baseUrl) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        List<BodhiUpdate> updates = new ArrayList<>();
        for (JsonElement e : array(root, "updates")) {
            if (e.isJsonObject()) {
                update(e.getAsJsonObject(), baseUrl).ifPresent(updates::add);
            }
        }
        return new Page(updates, integer(root, "page", 1), integer(root, "pages", 1));
    }

    private static Optional<BodhiUpdate> update(JsonObject u, String baseUrl) {
        String alias = text(u, "alias");
        if (alias.isEmpty()) {
            return Optional.empty();
        }
        List<BodhiUpdate.Comment> negative = new ArrayList<>();
        for (JsonElement c : array(u, "comments")) {
            if (!c.isJsonObject()) {
                continue;
            }
            JsonObject comment = c.getAsJsonObject();
            int karma = integer(comment, "karma", 0);
            if (karma < 0) {
                JsonObject user = comment.has("user") && comment.get("user").isJsonObject() ? comment.getAsJsonObject("user") : null;
                negative.add(new BodhiUpdate.Comment(user == null ? text(comment, "author") : text(user, "name"),
                        date(text(comment, "timestamp")).orElse(Instant.EPOCH), text(comment, "text"), karma));
            }
        }
        List<BodhiUpdate.Bug> bugs = new ArrayList<>();
        for (JsonElement b : array(u, "bugs")) {
            if (b.isJsonObject() && b.getAsJsonObject().has("bug_id")) {
                bugs.add(new BodhiUpdate.Bug(b.getAsJsonObject().get("bug_id").getAsLong(), text(b.getAsJsonObject(), "title")));
            }
        }
        List<String> builds = new ArrayList<>();
        for (JsonElement b : array(u, "builds")) {
            if (b.isJsonObject() && !text(b.getAsJsonObject(), "nvr").isEmpty()) {
                builds.add(text(b.getAsJsonObject(), "nvr"));
            }
        }
        String url = text(u, "url");
        return Optional.of(new BodhiUpdate(alias, text(u, "status").isEmpty() ? "unknown" : text(u, "status"),
                integer(u, "karma", 0), negative, bugs, text(u, "severity").isEmpty() ? "unspecified" : text(u, "severity"),
                text(u, "suggest").equals("reboot"), date(text(u, "date_testing")), builds,
                url.startsWith("https://") ? url : baseUrl + "/updates/" + alias));
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    /** Bodhi's text is people's (comments): shown, so cleaned of terminal and bidi controls. */
    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? org.fedoraproject.preflight.incident.SafeText.multiline(e.getAsString()) : "";
    }

    private static int integer(JsonObject o, String key, int otherwise) {
        JsonElement e = o.get(key);
        try {
            return e != null && e.isJsonPrimitive() ? e.getAsInt() : otherwise;
        } catch (NumberFormatException ex) {
            return otherwise;
        }
    }

    private static Optional<Instant> date(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(text, DATE).toInstant(ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
