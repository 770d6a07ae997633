package org.fedoraproject.preflight.adapter.fedora;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.signal.CommonIssue;

/**
 * A Discourse topic list ({@code {topic_list: {topics: [...], more_topics_url}}}) of Fedora's
 * Common Issues category: open topics only (not closed, not archived), without the category's
 * "About" topic. {@code has_accepted_answer} marks a solved one; the latest of created, last
 * posted and bumped says when the topic last moved. Tags may be strings or objects with a name, as Discourse versions differ.
 */
public final class CommonIssuesParser {

    /** The topics of one page, and the next page's path if there is one. */
    public record Page(List<CommonIssue> issues, Optional<String> more) {
    }

    private CommonIssuesParser() {
    }

    public static Page parse(String json, String baseUrl) {
        JsonObject list = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("topic_list");
        List<CommonIssue> issues = new ArrayList<>();
        if (list == null) {
            return new Page(issues, Optional.empty());
        }
        JsonElement topics = list.get("topics");
        if (topics != null && topics.isJsonArray()) {
            for (JsonElement e : topics.getAsJsonArray()) {
                if (!e.isJsonObject()) {
                    continue;
                }
                JsonObject t = e.getAsJsonObject();
                String title = text(t, "title");
                if (title.isEmpty() || title.startsWith("About the ") || flag(t, "closed") || flag(t, "archived")
                        || !t.has("id")) {
                    continue;
                }
                issues.add(topic(t, title, baseUrl));
            }
        }
        String more = text(list, "more_topics_url");
        return new Page(issues, more.isEmpty() ? Optional.empty() : Optional.of(more));
    }

    /** One topic of Discourse's {@code /t/ID.json}, whatever its state (the SIG desk drafts from closed ones too). */
    public static Optional<CommonIssue> parseTopic(String json, String baseUrl) {
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonObject() || !root.getAsJsonObject().has("id") || text(root.getAsJsonObject(), "title").isEmpty()) {
            return Optional.empty();
        }
        JsonObject t = root.getAsJsonObject();
        return Optional.of(topic(t, text(t, "title"), baseUrl));
    }

    private static CommonIssue topic(JsonObject t, String title, String baseUrl) {
        List<String> tags = new ArrayList<>();
        JsonElement tagList = t.get("tags");
        if (tagList != null && tagList.isJsonArray()) {
            for (JsonElement tag : tagList.getAsJsonArray()) {
                if (tag.isJsonPrimitive()) {
                    tags.add(SafeText.line(tag.getAsString()));
                } else if (tag.isJsonObject()) {
                    tags.add(text(tag.getAsJsonObject(), "name"));
                }
            }
        }
        long id = t.get("id").getAsLong();
        String slug = text(t, "slug");
        Instant created = instant(text(t, "created_at"));
        Instant lastPosted = instant(text(t, "last_posted_at"));
        Instant bumped = instant(text(t, "bumped_at"));
        return new CommonIssue(id, title, baseUrl + "/t/" + (slug.isEmpty() ? "" : slug + "/") + id,
                created, tags, flag(t, "has_accepted_answer"),
                Stream.of(created, lastPosted, bumped).max(Instant::compareTo).orElse(created),
                Optional.empty());
    }

    /** Discourse's titles and tags are people's: shown, so cleaned of terminal and bidi controls. */
    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? SafeText.line(e.getAsString()) : "";
    }

    private static boolean flag(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
