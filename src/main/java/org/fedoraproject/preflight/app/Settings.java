package org.fedoraproject.preflight.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.feed.FeedSource;

/** The user's settings, kept in {@code $XDG_CONFIG_HOME/preflight/settings.json}. */
public record Settings(List<FeedSource> feeds, Duration checkInterval, boolean notifications, boolean startAtLogin) {

    public static final Settings DEFAULT = new Settings(List.of(), Duration.ofHours(6), true, false);

    public Settings {
        feeds = List.copyOf(feeds);
        Objects.requireNonNull(checkInterval, "checkInterval");
    }
}
