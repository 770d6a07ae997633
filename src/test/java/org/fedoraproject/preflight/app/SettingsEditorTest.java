package org.fedoraproject.preflight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.text.Age;
import org.junit.jupiter.api.Test;

class SettingsEditorTest {

    private static String refused(String url, String key, boolean local) {
        return assertThrows(IllegalArgumentException.class, () -> SettingsEditor.addFeed(Settings.DEFAULT, url, key, local))
                .getMessage();
    }

    @Test
    void aFeedNeedsAnHttpsAddressOrTheLocalMark() {
        assertEquals("Enter the feed's address.", refused("  ", "", false));
        assertEquals("example.org/feed.json is not an address: it needs https:// in front.", refused("example.org/feed.json", "", false));
        assertTrue(refused("https://exa mple.org", "", false).startsWith("https://exa mple.org is not an address"));
        assertEquals("Only https feeds can be added, unless you mark this one as a local or test feed.",
                refused("http://example.org/feed.json", "", false));
        assertEquals("ftp://example.org/feed.json: a feed URL must be https", refused("ftp://example.org/feed.json", "", true));
        Settings local = SettingsEditor.addFeed(Settings.DEFAULT, "http://127.0.0.1:8080/feed.json", "", true);
        assertTrue(local.feeds().get(0).local());
    }

    @Test
    void aKeyMustBeAnEd25519PublicKeyAndIsKeptWithTheFeed() throws Exception {
        assertTrue(refused("https://example.org/f.json", "not a key", false).startsWith("The key is not an Ed25519 public key"));
        String pem = FeedKeys.publicPem(FeedKeys.generate().getPublic());
        Settings s = SettingsEditor.addFeed(Settings.DEFAULT, " https://example.org/f.json ", pem, false);
        assertEquals(URI.create("https://example.org/f.json"), s.feeds().get(0).url());
        assertEquals(pem.strip() + "\n", s.feeds().get(0).publicKey().orElseThrow());
        assertEquals("https://example.org/f.json is already in the list.",
                assertThrows(IllegalArgumentException.class, () -> SettingsEditor.addFeed(s, "https://example.org/f.json", "", false))
                        .getMessage());
        assertEquals(0, SettingsEditor.removeFeed(s, URI.create("https://example.org/f.json")).feeds().size());
    }

    @Test
    void theIntervalStaysBetweenAnHourAndAWeek() {
        assertEquals(Duration.ofHours(1), SettingsEditor.interval(Settings.DEFAULT, 0).checkInterval());
        assertEquals(Duration.ofHours(12), SettingsEditor.interval(Settings.DEFAULT, 12).checkInterval());
        assertEquals(Duration.ofHours(168), SettingsEditor.interval(Settings.DEFAULT, 1000).checkInterval());
        assertEquals(false, Settings.DEFAULT.withNotifications(false).notifications());
        assertEquals(true, Settings.DEFAULT.withStartAtLogin(true).startAtLogin());
        assertEquals(false, Settings.DEFAULT.withBodhi(false).bodhi());
        assertEquals(false, Settings.DEFAULT.withCommonIssues(false).commonIssues());
        assertEquals(true, Settings.DEFAULT.bodhi() && Settings.DEFAULT.commonIssues(), "Fedora's signals are on out of the box");
    }

    @Test
    void agesAreRoundedTheWayPeopleSayThem() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertEquals(new Age(Age.Unit.NOW, 0), Age.between(now.plusSeconds(30), now));
        assertEquals(new Age(Age.Unit.NOW, 0), Age.between(now.minusSeconds(59), now));
        assertEquals(new Age(Age.Unit.MINUTES, 59), Age.between(now.minusSeconds(59 * 60 + 59), now));
        assertEquals(new Age(Age.Unit.HOURS, 47), Age.between(now.minus(Duration.ofMinutes(47 * 60 + 59)), now));
        assertEquals(new Age(Age.Unit.DAYS, 2), Age.between(now.minus(Duration.ofHours(48)), now));
    }
}
