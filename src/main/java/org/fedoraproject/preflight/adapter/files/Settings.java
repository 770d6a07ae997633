package org.fedoraproject.preflight.adapter.files;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.adapter.feed.FeedSource;

/** The user's settings, kept in {@code $XDG_CONFIG_HOME/preflight/settings.json}. */
public record Settings(List<FeedSource> feeds, Duration checkInterval, boolean notifications, boolean startAtLogin,
                       boolean bodhi, boolean commonIssues, boolean bugzilla) {

    public static final Settings DEFAULT = new Settings(List.of(), Duration.ofHours(6), true, false, true, true, true);

    public Settings {
        feeds = List.copyOf(feeds);
        Objects.requireNonNull(checkInterval, "checkInterval");
    }

    public Settings withFeeds(List<FeedSource> list) {
        return new Settings(list, checkInterval, notifications, startAtLogin, bodhi, commonIssues, bugzilla);
    }

    public Settings withCheckInterval(Duration interval) {
        return new Settings(feeds, interval, notifications, startAtLogin, bodhi, commonIssues, bugzilla);
    }

    public Settings withNotifications(boolean on) {
        return new Settings(feeds, checkInterval, on, startAtLogin, bodhi, commonIssues, bugzilla);
    }

    public Settings withStartAtLogin(boolean on) {
        return new Settings(feeds, checkInterval, notifications, on, bodhi, commonIssues, bugzilla);
    }

    /** Bodhi feedback on the pending updates (on by default). */
    public Settings withBodhi(boolean on) {
        return new Settings(feeds, checkInterval, notifications, startAtLogin, on, commonIssues, bugzilla);
    }

    /** Fedora's Common Issues for this release (on by default). */
    public Settings withCommonIssues(boolean on) {
        return new Settings(feeds, checkInterval, notifications, startAtLogin, bodhi, on, bugzilla);
    }

    /** Red Hat's Bugzilla: CommonBugs bugs and bugs filed since an update (on by default). */
    public Settings withBugzilla(boolean on) {
        return new Settings(feeds, checkInterval, notifications, startAtLogin, bodhi, commonIssues, on);
    }
}
