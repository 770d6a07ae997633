package org.fedoraproject.preflight.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.testing.ByteCountingProxy;
import org.fedoraproject.preflight.testing.FeedServer.Answer;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SilentServer;
import org.fedoraproject.preflight.testing.TestTls;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a feed can go wrong, served by a real HTTP server on loopback: in each case the last
 * good copy stays in use, the user is told what happened, and the kept copy is not overwritten.
 */
class FeedRepositoryTest {

    static final FeedFetcher.Policy FAST = new FeedFetcher.Policy(3, Duration.ofMillis(100), Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, Duration.ofSeconds(20));
    static final KeyPair PUBLISHER = FeedKeys.generate();
    static final KeyPair STRANGER = FeedKeys.generate();

    @TempDir
    Path dir;

    private FeedServer server;
    private FeedFetcher fetcher;
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.http();
        fetcher = new FeedFetcher(FAST, "Preflight/test");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        fetcher.close();
    }

    private FeedRepository repository() throws Exception {
        TrustStore trust = TrustStore.of(List.of(FeedKeys.readPublic(FeedKeys.publicPem(PUBLISHER.getPublic()), "test")));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new FeedRepository(fetcher, new FeedCache(dir.resolve("cache")), new FeedState(dir.resolve("state")), trust, clock);
    }

    private FeedSource source() {
        return FeedSource.local(server.url("/feed.json"));
    }

    static byte[] feed(Consumer<JsonObject> edit) throws Exception {
        return FeedParserTest.edited(edit).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] feedGenerated(String generated) throws Exception {
        return feed(root -> root.addProperty("generated", generated));
    }

    private void publish(byte[] body, KeyPair key, String etag) throws Exception {
        server.answer("/feed.json", Answer.json(body, etag));
        server.answer("/feed.json.sig", Answer.text(FeedKeys.sign(body, key.getPrivate())));
    }

    /** Publishes a good feed and refreshes once, so that a good copy is kept. */
    private FeedStatus goodCopyKept() throws Exception {
        publish(feedGenerated("2026-11-25T08:00:00Z"), PUBLISHER, "\"v1\"");
        FeedStatus first = repository().refresh(source(), false);
        assertEquals(Optional.empty(), first.error());
        assertFalse(first.fromCache());
        return first;
    }

    /** The kept record and body, as bytes on disk. */
    private byte[] keptBytes() throws Exception {
        FeedCache cache = new FeedCache(dir.resolve("cache"));
        byte[] record = Files.readAllBytes(cache.fileFor(source().url().toString()));
        byte[] body = cache.load(source().url().toString()).orElseThrow().body();
        byte[] both = Arrays.copyOf(record, record.length + body.length);
        System.arraycopy(body, 0, both, record.length, body.length);
        return both;
    }

    private void assertKeptAfter(Answer feed, Answer signature, String expectedError) throws Exception {
        goodCopyKept();
        byte[] before = keptBytes();
        server.answer("/feed.json", feed);
        if (signature != null) {
            server.answer("/feed.json.sig", signature);
        }
        FeedStatus status = repository().refresh(source(), false);
        assertTrue(status.error().isPresent(), "an error is reported");
        assertTrue(status.error().get().contains(expectedError), status.error().get());
        assertTrue(status.fromCache(), "the kept copy is in use");
        assertEquals(6, status.feed().orElseThrow().incidents().size());
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), status.generated().orElseThrow());
        assertArrayEquals(before, keptBytes(), "the kept copy was not overwritten");
    }

    @Test
    void aGoodFeedIsUsedAndKeptThenAnUnchangedOneCostsA304() throws Exception {
        FeedStatus first = goodCopyKept();
        assertEquals(6, first.feed().orElseThrow().incidents().size());
        assertEquals(Optional.of(now), first.fetched());
        assertTrue(first.signedBy().isPresent());
        assertEquals("Preflight/test", server.requests().get(0).headers().getFirst("User-Agent"));

        now = now.plus(Duration.ofHours(6));
        FeedStatus second = repository().refresh(source(), false);
        assertEquals(Optional.empty(), second.error());
        assertEquals(Optional.of(now), second.fetched(), "the server confirmed the copy now");
        assertEquals("\"v1\"", server.requests().get(2).headers().getFirst("If-None-Match"));
        assertEquals(1, server.count("/feed.json.sig"), "no signature download for an unchanged feed");
    }

    @Test
    void anUnchangedFeedCostsUnderOneKilobyteOnTheWire() throws Exception {
        goodCopyKept();
        URIPort port = new URIPort(server.url("/"));
        try (ByteCountingProxy proxy = new ByteCountingProxy(port.port)) {
            FeedSource viaProxy = FeedSource.local("http://127.0.0.1:" + proxy.port() + "/feed.json");
            repository().refresh(viaProxy, false);
            proxy.reset();
            FeedStatus again = repository().refresh(viaProxy, false);
            assertEquals(Optional.empty(), again.error());
            long bytes = proxy.bytes();
            assertTrue(bytes > 0 && bytes < 1024, "bytes on the wire for an unchanged feed: " + bytes);
            System.out.println("unchanged feed: " + bytes + " bytes on the wire (request and 304 answer)");
        }
    }

    private record URIPort(int port) {
        URIPort(String url) {
            this(URI.create(url).getPort());
        }
    }

    @Test
    void aCompressedFeedIsReadAndCompressionIsAskedFor() throws Exception {
        byte[] body = feedGenerated("2026-11-25T08:00:00Z");
        server.answer("/feed.json", Answer.json(body, null).gzipped());
        server.answer("/feed.json.sig", Answer.text(FeedKeys.sign(body, PUBLISHER.getPrivate())));
        FeedStatus status = repository().refresh(source(), false);
        assertEquals(Optional.empty(), status.error());
        assertTrue(server.requests().get(0).headers().getFirst("Accept-Encoding").contains("gzip"));
    }

    @Test
    void malformedJson() throws Exception {
        byte[] bad = "{\"format\": \"preflight-incidents/1\", \"incidents\": [".getBytes(StandardCharsets.UTF_8);
        assertKeptAfter(Answer.json(bad, "\"v2\""), Answer.text(FeedKeys.sign(bad, PUBLISHER.getPrivate())), "not valid JSON");
    }

    @Test
    void aTruncatedBody() throws Exception {
        byte[] body = feedGenerated("2026-11-26T08:00:00Z");
        assertKeptAfter(Answer.json(body, "\"v2\"").truncatedTo(body.length / 2),
                Answer.text(FeedKeys.sign(body, PUBLISHER.getPrivate())), "download failed");
    }

    @Test
    void aBodyOverTheSizeCap() throws Exception {
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        assertKeptAfter(Answer.json(huge, "\"v2\""), null, "larger than 1 MiB");
    }

    @Test
    void aWrongContentType() throws Exception {
        assertKeptAfter(new Answer(200, "text/html", "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8),
                Map.of(), false, -1), null, "wrong content type \"text/html\"");
    }

    @Test
    void notFound() throws Exception {
        assertKeptAfter(Answer.status(404, Map.of()), null, "HTTP 404 (not found)");
    }

    @Test
    void aServerErrorIsRetriedABoundedNumberOfTimes() throws Exception {
        goodCopyKept();
        long before = server.count("/feed.json");
        server.answer("/feed.json", Answer.status(500, Map.of()));
        FeedStatus status = repository().refresh(source(), false);
        assertEquals("HTTP 500", status.error().orElseThrow());
        assertEquals(3, server.count("/feed.json") - before, "three attempts, no more");
    }

    @Test
    void unavailableWithRetryAfterIsHonoured() throws Exception {
        byte[] body = feedGenerated("2026-11-26T08:00:00Z");
        server.answer("/feed.json", Answer.status(503, Map.of("Retry-After", "1")), Answer.json(body, "\"v2\""));
        server.answer("/feed.json.sig", Answer.text(FeedKeys.sign(body, PUBLISHER.getPrivate())));
        long start = System.nanoTime();
        FeedStatus status = repository().refresh(source(), false);
        assertEquals(Optional.empty(), status.error());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(950).toNanos(), "waited as asked");
        assertEquals(Instant.parse("2026-11-26T08:00:00Z"), status.generated().orElseThrow());
    }

    @Test
    void aRetryAfterBeyondTheCapIsNotWaitedFor() throws Exception {
        assertKeptAfter(Answer.status(503, Map.of("Retry-After", "3600")), null, "asks to wait 3,600 s");
    }

    @Test
    void aServerThatNeverAnswers() throws Exception {
        goodCopyKept();
        try (SilentServer silent = new SilentServer()) {
            FeedFetcher.Policy once = new FeedFetcher.Policy(1, Duration.ofMillis(100), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 1024 * 1024, Duration.ofSeconds(20));
            try (FeedFetcher impatient = new FeedFetcher(once, "Preflight/test")) {
                TrustStore trust = TrustStore.of(List.of(FeedKeys.readPublic(FeedKeys.publicPem(PUBLISHER.getPublic()), "t")));
                FeedRepository repo = new FeedRepository(impatient, new FeedCache(dir.resolve("cache")), new FeedState(dir.resolve("state")), trust,
                        Clock.fixed(now, ZoneOffset.UTC));
                long start = System.nanoTime();
                FeedStatus status = repo.refresh(FeedSource.local(silent.url("/feed.json")), false);
                assertTrue(status.error().orElseThrow().contains("no answer within 1 s"), status.error().toString());
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
            }
        }
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() throws Exception {
        TestTls tls = TestTls.create(dir);
        try (FeedServer secure = FeedServer.https(tls.serverContext());
             FeedFetcher trusting = new FeedFetcher(FAST, "Preflight/test", tls.clientContext())) {
            secure.answer("/feed.json", Answer.status(302, Map.of("Location", server.url("/feed.json"))));
            TrustStore trust = TrustStore.of(List.of(FeedKeys.readPublic(FeedKeys.publicPem(PUBLISHER.getPublic()), "t")));
            FeedRepository repo = new FeedRepository(trusting, new FeedCache(dir.resolve("cache")), new FeedState(dir.resolve("state")), trust,
                    Clock.fixed(now, ZoneOffset.UTC));
            FeedStatus status = repo.refresh(FeedSource.https(secure.url("/feed.json")), false);
            assertTrue(status.error().orElseThrow().contains("which is not https: refused"), status.error().toString());
            assertEquals(0, server.count("/feed.json"), "the http location was never asked");

            byte[] body = feedGenerated("2026-11-25T08:00:00Z");
            secure.answer("/feed.json", Answer.json(body, null));
            secure.answer("/feed.json.sig", Answer.text(FeedKeys.sign(body, PUBLISHER.getPrivate())));
            assertEquals(Optional.empty(), repo.refresh(FeedSource.https(secure.url("/feed.json")), false).error(),
                    "the same feed over https is fine");
        }
    }

    @Test
    void aBadSignature() throws Exception {
        byte[] body = feedGenerated("2026-11-26T08:00:00Z");
        assertKeptAfter(Answer.json(body, "\"v2\""), Answer.text(FeedKeys.sign(body, STRANGER.getPrivate())),
                "does not match any trusted key");
    }

    @Test
    void aSignatureOfOtherBytes() throws Exception {
        byte[] body = feedGenerated("2026-11-26T08:00:00Z");
        byte[] other = feedGenerated("2026-11-26T09:00:00Z");
        assertKeptAfter(Answer.json(body, "\"v2\""), Answer.text(FeedKeys.sign(other, PUBLISHER.getPrivate())),
                "does not match any trusted key");
    }

    @Test
    void aMissingSignature() throws Exception {
        assertKeptAfter(Answer.json(feedGenerated("2026-11-26T08:00:00Z"), "\"v2\""), Answer.status(404, Map.of()),
                "signature");
    }

    @Test
    void aReplayedOlderFeed() throws Exception {
        byte[] old = feedGenerated("2026-11-20T08:00:00Z");
        assertKeptAfter(Answer.json(old, "\"v0\""), Answer.text(FeedKeys.sign(old, PUBLISHER.getPrivate())),
                "is older than the 2026-11-25T08:00:00Z accepted before");
    }

    @Test
    void anUnknownFormat() throws Exception {
        byte[] next = feed(root -> {
            root.addProperty("format", "preflight-incidents/2");
            root.addProperty("generated", "2026-11-26T08:00:00Z");
        });
        assertKeptAfter(Answer.json(next, "\"v2\""), Answer.text(FeedKeys.sign(next, PUBLISHER.getPrivate())),
                "newer than this Preflight reads");
    }

    @Test
    void invalidVersionsInsideOneIncidentSkipOnlyThatIncident() throws Exception {
        byte[] body = feed(root -> {
            root.addProperty("generated", "2026-11-26T08:00:00Z");
            FeedParserTest.incident(root, 1).getAsJsonArray("affected").get(0).getAsJsonObject()
                    .addProperty("introduced", "6.17.7");
        });
        publish(body, PUBLISHER, "\"v2\"");
        FeedStatus status = repository().refresh(source(), false);
        assertEquals(Optional.empty(), status.error());
        assertEquals(5, status.feed().orElseThrow().incidents().size());
        assertEquals("$.incidents[1]", status.problems().get(0).path());
        assertTrue(status.problems().toString().contains("$.incidents[1].affected[0].introduced"));
    }

    @Test
    void offlineTheKeptCopyIsUsedWithItsAge() throws Exception {
        goodCopyKept();
        Instant fetched = now;
        now = now.plus(Duration.ofDays(2));
        server.close();
        FeedStatus status = repository().refresh(source(), true);
        assertTrue(status.fromCache());
        assertEquals(Optional.of(fetched), status.fetched());
        assertEquals(Optional.empty(), status.error());
        FeedStatus unreachable = repository().refresh(source(), false);
        assertTrue(unreachable.error().orElseThrow().contains("cannot connect"), unreachable.error().toString());
        assertEquals(6, unreachable.feed().orElseThrow().incidents().size());
    }

    @Test
    void withNothingKeptAFailureLeavesNoFeedAndSaysWhy() throws Exception {
        FeedStatus offline = repository().refresh(source(), true);
        assertEquals(Optional.empty(), offline.feed());
        assertEquals("offline, and no copy kept yet", offline.error().orElseThrow());
        server.answer("/feed.json", Answer.status(404, Map.of()));
        assertEquals(Optional.empty(), repository().refresh(source(), false).feed());
    }

    @Test
    void pastExpiresTheFeedIsStale() throws Exception {
        goodCopyKept();
        now = Instant.parse("2028-01-01T00:00:00Z");
        FeedStatus status = repository().refresh(source(), true);
        assertTrue(status.stale());
        assertEquals(6, status.feed().orElseThrow().incidents().size(), "still shown, marked stale");
    }

    @Test
    void aDamagedOrTamperedCacheIsNotTrusted() throws Exception {
        goodCopyKept();
        Path file = new FeedCache(dir.resolve("cache")).fileFor(source().url().toString());
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertEquals(Optional.empty(), repository().refresh(source(), true).feed(), "a half-written record");
        goodCopyKept();
        try (var bodies = Files.newDirectoryStream(dir.resolve("cache"), "*.feed")) {
            for (Path body : bodies) {
                byte[] b = Files.readAllBytes(body);
                Files.write(body, Arrays.copyOf(b, b.length / 2));
            }
        }
        assertEquals(Optional.empty(), repository().refresh(source(), true).feed(), "a truncated body");
        goodCopyKept();
        FeedCache cache = new FeedCache(dir.resolve("cache"));
        FeedCache.Entry entry = cache.load(source().url().toString()).orElseThrow();
        byte[] forged = feedGenerated("2027-01-01T00:00:00Z");
        cache.store(new FeedCache.Entry(entry.url(), forged, entry.signature(), entry.etag(), entry.lastModified(), now));
        assertEquals(Optional.empty(), repository().refresh(source(), true).feed(), "a body that does not match its signature");
    }

    @Test
    void theCheckedFormIsUsedOfflineAndOnlyWhileItsKeyIsTrusted() throws Exception {
        FeedStatus first = goodCopyKept();
        try (var checked = Files.newDirectoryStream(dir.resolve("cache"), "*.checked")) {
            assertTrue(checked.iterator().hasNext(), "the checked form is kept");
        }
        FeedStatus offline = repository().refresh(source(), true);
        assertEquals(first.feed(), offline.feed());
        assertEquals(first.signedBy(), offline.signedBy());

        TrustStore other = TrustStore.of(List.of(FeedKeys.readPublic(FeedKeys.publicPem(STRANGER.getPublic()), "other")));
        FeedRepository distrusting = new FeedRepository(fetcher, new FeedCache(dir.resolve("cache")), new FeedState(dir.resolve("state")), other,
                Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(Optional.empty(), distrusting.refresh(source(), true).feed(), "its key is no longer trusted");
    }

    @Test
    void aCheckedFormRewrittenWithoutTheKeyIsNoticedAndTheSignedFeedIsRead() throws Exception {
        FeedStatus first = goodCopyKept();
        // The forgery: the same feed without its incidents, in a checked form that reads back whole (its CRC is right).
        Feed real = first.feed().orElseThrow();
        Feed empty = new Feed(real.format(), real.publisher(), real.generated(), real.expires(), List.of());
        byte[] forged = FeedBinary.write(new FeedBinary.Parsed(empty, List.of(), first.signedBy().orElseThrow()));
        assertTrue(FeedBinary.read(forged).isPresent(), "a well-formed forgery");
        try (var checked = Files.newDirectoryStream(dir.resolve("cache"), "*.checked")) {
            for (Path c : checked) {
                Files.write(c, forged);
            }
        }
        FeedStatus offline = repository().refresh(source(), true);
        assertEquals(6, offline.feed().orElseThrow().incidents().size(), "the signed body's incidents, not the forgery's");
        assertTrue(offline.error().orElseThrow().contains("checked form did not match its signed feed"), offline.error().toString());
        // Online, a 304 keeps the copy: the checked form is derived again, and the next check trusts it.
        server.answer("/feed.json", Answer.status(304, Map.of()));
        FeedStatus confirmed = repository().refresh(source(), false);
        assertEquals(Optional.empty(), confirmed.error(), confirmed.toString());
        assertEquals(Optional.empty(), repository().refresh(source(), true).error());
    }

    @Test
    void anOlderSignedFeedIsRefusedEvenAfterTheCacheWasCleared() throws Exception {
        goodCopyKept();
        deleteTree(dir.resolve("cache"));
        publish(feedGenerated("2026-11-24T08:00:00Z"), PUBLISHER, "\"v0\"");
        FeedStatus replayed = repository().refresh(source(), false);
        assertTrue(replayed.error().orElseThrow().contains("is older than the 2026-11-25T08:00:00Z accepted before"),
                replayed.error().toString());
        assertEquals(Optional.empty(), replayed.feed(), "nothing kept, and the replay is not taken");
    }

    @Test
    void anOlderSignedCopyPutInTheCacheIsNotUsed() throws Exception {
        goodCopyKept();
        byte[] older = feedGenerated("2026-11-24T08:00:00Z");
        new FeedCache(dir.resolve("cache")).store(new FeedCache.Entry(source().url().toString(), older,
                FeedKeys.sign(older, PUBLISHER.getPrivate()), Optional.empty(), Optional.empty(), now));
        FeedStatus offline = repository().refresh(source(), true);
        assertEquals(Optional.empty(), offline.feed());
        assertTrue(offline.error().orElseThrow().contains("older than the 2026-11-25T08:00:00Z accepted before"), offline.toString());
    }

    @Test
    void aFeedFromTheFutureOrAnotherBodyWithTheSameTimeIsRefused() throws Exception {
        goodCopyKept();
        publish(feedGenerated("2026-11-27T12:00:01Z"), PUBLISHER, "\"future\"");
        assertTrue(repository().refresh(source(), false).error().orElseThrow().contains("more than a day in the future"));
        publish(feed(root -> {
            root.addProperty("generated", "2026-11-25T08:00:00Z");
            root.addProperty("publisher", "someone else, same time");
        }), PUBLISHER, "\"same-time\"");
        assertTrue(repository().refresh(source(), false).error().orElseThrow()
                .contains("another feed with the same generated time 2026-11-25T08:00:00Z"));
        publish(feedGenerated("2026-11-25T08:00:00Z"), PUBLISHER, "\"again\"");
        assertEquals(Optional.empty(), repository().refresh(source(), false).error(), "byte-identical: fine");
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aFeedWithItsOwnKeyTrustsOnlyThatKey() throws Exception {
        publish(feedGenerated("2026-11-25T08:00:00Z"), STRANGER, null);
        FeedSource withKey = source().withKey(FeedKeys.publicPem(STRANGER.getPublic()));
        assertEquals(Optional.empty(), repository().refresh(withKey, false).error());
        publish(feedGenerated("2026-11-26T08:00:00Z"), PUBLISHER, null);
        assertTrue(repository().refresh(withKey, false).error().orElseThrow().contains("does not match"));
    }

    @Test
    void feedsFromFilesAreReadWhenAddedAsLocal() throws Exception {
        byte[] body = feedGenerated("2026-11-25T08:00:00Z");
        Path file = dir.resolve("local-feed.json");
        Files.write(file, body);
        Files.writeString(dir.resolve("local-feed.json.sig"), FeedKeys.sign(body, PUBLISHER.getPrivate()));
        FeedStatus status = repository().refresh(FeedSource.local(file.toUri().toString()), false);
        assertEquals(Optional.empty(), status.error());
        assertEquals(6, status.feed().orElseThrow().incidents().size());
    }

    @Test
    void anUnreadableTrustedKeyIsSaidNotDroppedInSilence() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("trusted-keys"));
        Files.writeString(keys.resolve("broken.pub"), "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n");
        Files.writeString(keys.resolve("good.pub"), FeedKeys.publicPem(PUBLISHER.getPublic()));
        FeedRepository repo = new FeedRepository(fetcher, new FeedCache(dir.resolve("cache")), new FeedState(dir.resolve("state")),
                TrustStore.load(keys), Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(1, repo.trustProblems().size(), repo.trustProblems().toString());
        assertTrue(repo.trustProblems().get(0).startsWith("trusted key " + keys.resolve("broken.pub")), repo.trustProblems().toString());
        publish(feedGenerated("2026-11-25T08:00:00Z"), PUBLISHER, null);
        assertEquals(Optional.empty(), repo.refresh(source(), false).error(), "the good key still counts");
    }

    @Test
    void aLocalFeedOrAKeptRecordThatIsAFifoOrADeviceIsRefusedWithoutHanging() throws Exception {
        Tools.require("mkfifo");
        Path fifo = dir.resolve("fifo-feed.json");
        assertEquals(0, Processes.run(List.of("mkfifo", fifo.toString()), null, Map.of()).exitCode());
        FeedStatus status = CompletableFuture.supplyAsync(() -> {
            try {
                return repository().refresh(FeedSource.local(fifo.toUri().toString()), false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        assertTrue(status.error().orElseThrow().contains("is not a regular file (a device, FIFO or socket)"), status.toString());
        Path zero = dir.resolve("zero-feed.json");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        FeedStatus endless = repository().refresh(FeedSource.local(zero.toUri().toString()), false);
        assertTrue(endless.error().orElseThrow().contains("is not a regular file"), endless.toString());
        // A kept record replaced by a link to /dev/zero: as good as none, and no hang, no OutOfMemoryError.
        goodCopyKept();
        Path record = new FeedCache(dir.resolve("cache")).fileFor(source().url().toString());
        Files.delete(record);
        Files.createSymbolicLink(record, Path.of("/dev/zero"));
        assertEquals(Optional.empty(), repository().refresh(source(), true).feed());
    }

    @Test
    void aCheckThatDownloadedAnOlderCopyWhileAnotherAcceptedANewerOneUsesTheNewerNotNone() throws Exception {
        // The background and the window check at once while the feed changes: A reads the (empty)
        // cache and asks first; the server is slow to answer A, and B meanwhile gets and keeps v2;
        // then A receives v1, which is older than what B accepted.
        byte[] v1 = feedGenerated("2026-11-25T08:00:00Z");
        byte[] v2 = feedGenerated("2026-11-25T09:00:00Z");
        // B asks for its signature first (A waits for its body meanwhile): v2's, then v1's.
        server.answer("/feed.json.sig", Answer.text(FeedKeys.sign(v2, PUBLISHER.getPrivate())),
                Answer.text(FeedKeys.sign(v1, PUBLISHER.getPrivate())));
        AtomicInteger asked = new AtomicInteger();
        AtomicReference<FeedStatus> b = new AtomicReference<>();
        server.answerByQuery("/feed.json", query -> {
            if (asked.incrementAndGet() == 1) {
                Thread other = new Thread(() -> {
                    try {
                        b.set(repository().refresh(source(), false));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                other.start();
                try {
                    other.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.json(v1, "\"v1\"");
            }
            return Answer.json(v2, "\"v2\"");
        });
        FeedStatus a = repository().refresh(source(), false);
        assertEquals(Optional.empty(), b.get().error(), "B accepted v2");
        assertTrue(a.error().orElseThrow().contains("older than"), a.error().toString());
        assertEquals(Instant.parse("2026-11-25T09:00:00Z"), a.generated().orElseThrow(),
                "A uses the newest accepted copy, not none at all");
    }
}
