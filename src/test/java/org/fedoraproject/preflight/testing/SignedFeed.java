package org.fedoraproject.preflight.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;

/**
 * A feed signed with a fresh key and served at {@code /incidents.json} on loopback, and a user
 * home whose config trusts that key: what the end-to-end tests of the jar run against.
 */
public final class SignedFeed implements AutoCloseable {

    private final FeedServer server;
    private final Map<String, String> environment;
    private final KeyPair key;

    private SignedFeed(FeedServer server, Map<String, String> environment, KeyPair key) {
        this.server = server;
        this.environment = environment;
        this.key = key;
    }

    /** Serves a new version of the feed, signed with the same key. */
    public void publish(byte[] feed) throws Exception {
        server.answer("/incidents.json", FeedServer.Answer.json(feed, null));
        server.answer("/incidents.json.sig", FeedServer.Answer.text(FeedKeys.sign(feed, key.getPrivate())));
    }

    public static SignedFeed serve(byte[] feed, Path home) throws Exception {
        KeyPair key = FeedKeys.generate();
        FeedServer server = FeedServer.http();
        server.answer("/incidents.json", FeedServer.Answer.json(feed, "\"sample\""));
        server.answer("/incidents.json.sig", FeedServer.Answer.text(FeedKeys.sign(feed, key.getPrivate())));
        // Fedora's live signals answer from the same loopback server, empty unless a test says otherwise:
        // tests never reach the real Bodhi, Discourse or Bugzilla.
        server.answer("/updates/", FeedServer.Answer.json(
                "{\"updates\":[],\"page\":1,\"pages\":1,\"total\":0}".getBytes(StandardCharsets.UTF_8), null));
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", FeedServer.Answer.json(
                "{\"topic_list\":{\"topics\":[]}}".getBytes(StandardCharsets.UTF_8), null));
        server.answer("/rest/bug", FeedServer.Answer.json(
                "{\"faults\":[],\"bugs\":[]}".getBytes(StandardCharsets.UTF_8), null));
        Path keys = Files.createDirectories(home.resolve("config/preflight/trusted-keys"));
        Files.writeString(keys.resolve("test.pub"), FeedKeys.publicPem(key.getPublic()));
        return new SignedFeed(server, Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "HOME", home.toString(),
                "PREFLIGHT_BODHI_URL", server.url(""), "PREFLIGHT_DISCOURSE_URL", server.url(""),
                "PREFLIGHT_BUGZILLA_URL", server.url(""),
                // Tests change the sources' answers between checks: each check asks (conditionally).
                "PREFLIGHT_SOURCES_REUSE", "off"), key);
    }

    public FeedServer server() {
        return server;
    }

    public String url() {
        return server.url("/incidents.json");
    }

    /** XDG_CONFIG_HOME, XDG_CACHE_HOME and HOME of the test's user, and Bodhi, Discourse and Bugzilla on this server. */
    public Map<String, String> environment() {
        return new HashMap<>(environment);
    }

    @Override
    public void close() {
        server.close();
    }
}
