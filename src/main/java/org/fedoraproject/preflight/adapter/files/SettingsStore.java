package org.fedoraproject.preflight.adapter.files;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.adapter.feed.StrictJson;
import org.fedoraproject.preflight.adapter.system.RegularFiles;
import org.fedoraproject.preflight.text.Text;

/**
 * Reads and writes settings.json. A file that cannot be read gives the defaults and a message
 * naming the file; it is never overwritten until the user saves settings again.
 */
public final class SettingsStore {

    /** Settings as read, and what was wrong with the file (empty when nothing). */
    public record Loaded(Settings settings, List<Text> problems) {
    }

    private final Path file;

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        List<Text> problems = new ArrayList<>();
        String text;
        try {
            text = RegularFiles.readString(file, RegularFiles.SMALL);
        } catch (NoSuchFileException e) {
            return new Loaded(Settings.DEFAULT, List.of());
        } catch (IOException e) {
            return new Loaded(Settings.DEFAULT, List.of(Text.of("settings.problem.unreadable", file.toString(), String.valueOf(e.getMessage()))));
        }
        JsonObject o;
        try {
            o = StrictJson.parse(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return new Loaded(Settings.DEFAULT, List.of(Text.of("settings.problem.notJson", file.toString(), String.valueOf(e.getMessage()))));
        }
        List<FeedSource> feeds = new ArrayList<>();
        JsonElement list = o.get("feeds");
        if (list != null && !list.isJsonNull() && !list.isJsonArray()) {
            problems.add(Text.of("settings.problem.feedsNotAList", file.toString(), brief(list)));
        }
        if (list != null && list.isJsonArray()) {
            for (JsonElement e : list.getAsJsonArray()) {
                try {
                    JsonObject f = e.getAsJsonObject();
                    Optional<String> key = f.has("key") && !f.get("key").isJsonNull() ? Optional.of(f.get("key").getAsString()) : Optional.empty();
                    boolean local = f.has("local") && f.get("local").getAsBoolean();
                    feeds.add(new FeedSource(URI.create(f.get("url").getAsString()), key, local));
                } catch (RuntimeException bad) {
                    problems.add(Text.of("settings.problem.feedSkipped", file.toString(), String.valueOf(bad.getMessage()), e.toString()));
                }
            }
        }
        Duration interval = Settings.DEFAULT.checkInterval();
        if (o.has("check_interval_hours")) {
            try {
                JsonElement hours = o.get("check_interval_hours");
                if (!hours.isJsonPrimitive() || !hours.getAsJsonPrimitive().isNumber()) {
                    throw new IllegalStateException("not a number");
                }
                interval = Duration.ofMinutes(Math.max(15, Math.round(hours.getAsDouble() * 60)));
            } catch (RuntimeException bad) {
                problems.add(Text.of("settings.problem.interval", file.toString()));
            }
        }
        boolean notifications = bool(o, "notifications", Settings.DEFAULT.notifications(), problems);
        boolean startAtLogin = bool(o, "start_at_login", Settings.DEFAULT.startAtLogin(), problems);
        boolean bodhi = bool(o, "bodhi", Settings.DEFAULT.bodhi(), problems);
        boolean commonIssues = bool(o, "common_issues", Settings.DEFAULT.commonIssues(), problems);
        boolean bugzilla = bool(o, "bugzilla", Settings.DEFAULT.bugzilla(), problems);
        return new Loaded(new Settings(feeds, interval, notifications, startAtLogin, bodhi, commonIssues, bugzilla), problems);
    }

    /** A switch: true or false; anything else (null, {}, "yes") is said, with the default used. */
    private boolean bool(JsonObject o, String key, boolean otherwise, List<Text> problems) {
        JsonElement e = o.get(key);
        if (e == null) {
            return otherwise;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        problems.add(Text.of("settings.problem.notBoolean", file.toString(), key, brief(e), Boolean.toString(otherwise)));
        return otherwise;
    }

    private static String brief(JsonElement e) {
        String text = e.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    public void save(Settings settings) throws IOException {
        JsonObject o = new JsonObject();
        JsonArray feeds = new JsonArray();
        for (FeedSource f : settings.feeds()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("url", f.url().toString());
            f.publicKey().ifPresent(k -> entry.addProperty("key", k));
            entry.addProperty("local", f.local());
            feeds.add(entry);
        }
        o.add("feeds", feeds);
        o.addProperty("check_interval_hours", settings.checkInterval().toMinutes() / 60.0);
        o.addProperty("notifications", settings.notifications());
        o.addProperty("start_at_login", settings.startAtLogin());
        o.addProperty("bodhi", settings.bodhi());
        o.addProperty("common_issues", settings.commonIssues());
        o.addProperty("bugzilla", settings.bugzilla());
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
        Files.writeString(temp, new GsonBuilder().setPrettyPrinting().create().toJson(o), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
