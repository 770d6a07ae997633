package org.fedoraproject.preflight.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;

/**
 * Changes to the settings as the settings screen makes them, each checked before it is kept: a
 * feed's URL (https; http or a file only when the user says the feed is local) and its key (an
 * Ed25519 public key in PEM). A refused change throws IllegalArgumentException with the reason
 * in words a user can act on.
 */
public final class SettingsEditor {

    /** A change the settings do not take, and why, in the user's words (getMessage: English, for logs). */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Text reason;

        Refused(Text reason) {
            super(Messages.english().render(reason));
            this.reason = reason;
        }

        public Text reason() {
            return reason;
        }
    }

    public static final int MIN_INTERVAL_HOURS = 1;
    public static final int MAX_INTERVAL_HOURS = 7 * 24;

    private SettingsEditor() {
    }

    public static Settings addFeed(Settings settings, String url, String keyPem, boolean local) {
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            throw new Refused(Text.of("settings.refused.empty"));
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new Refused(Text.of("settings.refused.notAnAddress", trimmed, e.getReason()));
        }
        if (uri.getScheme() == null) {
            throw new Refused(Text.of("settings.refused.noScheme", trimmed));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("file")) && !local) {
            // Said with the way out the settings offer: the local mark.
            throw new Refused(Text.of("settings.refused.notHttps"));
        }
        Optional<Text> problem = FeedSource.problem(uri, local);
        if (problem.isPresent()) {
            throw new Refused(problem.get());
        }
        Optional<String> key = key(keyPem);
        FeedSource source = new FeedSource(uri, key, local);
        if (settings.feeds().stream().anyMatch(f -> f.url().equals(uri))) {
            throw new Refused(Text.of("settings.refused.duplicate", trimmed));
        }
        List<FeedSource> feeds = new ArrayList<>(settings.feeds());
        feeds.add(source);
        return settings.withFeeds(feeds);
    }

    /** A feed's own key changed (empty: the trusted keys verify it), the feed kept where it is. */
    public static Settings changeKey(Settings settings, URI url, String keyPem) {
        Optional<String> key = key(keyPem);
        List<FeedSource> feeds = settings.feeds().stream()
                .map(f -> f.url().equals(url) ? new FeedSource(f.url(), key, f.local()) : f).toList();
        return settings.withFeeds(feeds);
    }

    /** A key in PEM form checked to be an Ed25519 public key; empty for none. */
    private static Optional<String> key(String keyPem) {
        if (keyPem.isBlank()) {
            return Optional.empty();
        }
        try {
            FeedKeys.readPublic(keyPem.strip(), "settings");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused(Text.of("settings.refused.key"));
        }
        return Optional.of(keyPem.strip() + "\n");
    }

    public static Settings removeFeed(Settings settings, URI url) {
        List<FeedSource> feeds = settings.feeds().stream().filter(f -> !f.url().equals(url)).toList();
        return settings.withFeeds(feeds);
    }

    public static Settings interval(Settings settings, int hours) {
        int bounded = Math.max(MIN_INTERVAL_HOURS, Math.min(MAX_INTERVAL_HOURS, hours));
        return settings.withCheckInterval(Duration.ofHours(bounded));
    }

}
