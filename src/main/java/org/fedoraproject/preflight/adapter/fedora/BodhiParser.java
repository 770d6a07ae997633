package org.fedoraproject.preflight.adapter.fedora;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.signal.BodhiUpdate;

/**
 * Bodhi's {@code GET /updates/} answer: {@code {updates: [...], page, pages, ...}}. Missing or
 * null fields take neutral values (karma 0, no comments); an update without an alias is skipped;
 * an unknown status is kept as Bodhi gives it. Dates are Bodhi's "yyyy-MM-dd HH:mm:ss" in UTC.
 */
public final class BodhiParser {

    /** Bodhi's name of the update's release ("F43"), or "" when it sends none. */
    private static String releaseName(JsonObject u) {
        JsonElement r = u.get("release");
        return r != null && r.isJsonObject() ? text(r.getAsJsonObject(), "name") : "";
    }

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
        List<BodhiUpdate.Comment> negative = negativeVotes(array(u, "comments"));
        List<BodhiUpdate.Bug> bugs = new ArrayList<>();
        for (JsonElement b : array(u, "bugs")) {
            if (b.isJsonObject() && b.getAsJsonObject().has("bug_id")) {
                bugs.add(new BodhiUpdate.Bug(b.getAsJsonObject().get("bug_id").getAsLong(), text(b.getAsJsonObject(), "title")));
            }
        }
        List<String> builds = new ArrayList<>();
        Map<String, Long> epochs = new HashMap<>();
        for (JsonElement b : array(u, "builds")) {
            if (b.isJsonObject() && !text(b.getAsJsonObject(), "nvr").isEmpty()) {
                String nvr = text(b.getAsJsonObject(), "nvr");
                builds.add(nvr);
                int epoch = integer(b.getAsJsonObject(), "epoch", -1);
                if (epoch >= 0) {
                    epochs.put(nvr, (long) epoch);
                }
            }
        }
        String url = text(u, "url");
        return Optional.of(new BodhiUpdate(alias, text(u, "status").isEmpty() ? "unknown" : text(u, "status"),
                integer(u, "karma", 0), negative, bugs, text(u, "severity").isEmpty() ? "unspecified" : text(u, "severity"),
                text(u, "suggest").equals("reboot"), date(text(u, "date_testing")), builds,
                url.startsWith("https://") ? url : baseUrl + "/updates/" + alias, epochs, date(text(u, "date_submitted")),
                integer(u, "unstable_karma", BodhiUpdate.DEFAULT_UNSTABLE_KARMA), releaseName(u), date(text(u, "date_stable"))));
    }

    /**
     * The negative votes as Bodhi counts karma: each user's latest comment that carries karma,
     * since the last reset (Bodhi's own comment when a build is added or removed, "New build" /
     * "Removed build", which says "Karma has been reset"). A user who voted -1 and then +1, or
     * whose -1 was for a build since replaced, does not count against the update.
     */
    static List<BodhiUpdate.Comment> negativeVotes(JsonArray comments) {
        List<JsonObject> since = new ArrayList<>();
        for (JsonElement c : comments) {
            if (!c.isJsonObject()) {
                continue;
            }
            JsonObject comment = c.getAsJsonObject();
            String text = text(comment, "text");
            if (author(comment).equals("bodhi") && (text.contains("New build") || text.contains("Removed build")
                    || text.contains("Karma has been reset"))) {
                since.clear();
            } else {
                since.add(comment);
            }
        }
        Map<String, JsonObject> latest = new LinkedHashMap<>();
        for (JsonObject comment : since) {
            if (integer(comment, "karma", 0) != 0) {
                latest.remove(author(comment));
                latest.put(author(comment), comment); // Bodhi lists comments oldest first: the last one stands
            }
        }
        List<BodhiUpdate.Comment> negative = new ArrayList<>();
        latest.forEach((user, comment) -> {
            int karma = integer(comment, "karma", 0);
            if (karma < 0) {
                negative.add(new BodhiUpdate.Comment(user, date(text(comment, "timestamp")).orElse(Instant.EPOCH),
                        text(comment, "text"), karma));
            }
        });
        return negative;
    }

    private static String author(JsonObject comment) {
        JsonObject user = comment.has("user") && comment.get("user").isJsonObject() ? comment.getAsJsonObject("user") : null;
        return user == null ? text(comment, "author") : text(user, "name");
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    /** Bodhi's text is people's (comments): shown, so cleaned of terminal and bidi controls. */
    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? SafeText.multiline(e.getAsString()) : "";
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
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
