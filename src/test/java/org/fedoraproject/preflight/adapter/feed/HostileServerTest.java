package org.fedoraproject.preflight.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fedoraproject.preflight.testing.English;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that never finish, on loopback: one that sends a byte now and then (the read timeout
 * never fires), one whose body has no end. Each fetch ends at its deadline or its size cap, and
 * the connection is dropped, not drained. The server loops are bounded in time and count.
 */
class HostileServerTest {

    static final FeedFetcher.Policy POLICY = new FeedFetcher.Policy(3, Duration.ofMillis(50), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(1), 1024 * 1024, Duration.ofSeconds(3));

    private ServerSocket server;
    private final AtomicLong sent = new AtomicLong();
    private volatile Instant closedAt;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** An answer that stops after 10 of the 1,000 bytes its Content-Length promises. */
    private URI serveTruncated() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            for (int k = 0; k < 10 && !server.isClosed(); k++) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[4096]);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"format\":")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        }, "truncating-server");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/feed.json");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAFailedDownloadNotAShortFeed() throws Exception {
        URI url = serveTruncated();
        try (FeedFetcher fetcher = new FeedFetcher(POLICY, "Preflight/test")) {
            FeedFetcher.Outcome outcome = fetcher.fetchDocument(url, true);
            assertTrue(outcome instanceof FeedFetcher.Outcome.Failed f && English.of(f.reason()).startsWith("download failed"), outcome.toString());
        }
    }

    /** Serves one kind of answer to every connection, for at most 30 s. */
    private URI serve(boolean trickle) throws IOException {
        return serve(trickle, false);
    }

    /** With {@code terabyte}: a Content-Length of a terabyte, and a body that keeps coming. */
    private URI serve(boolean trickle, boolean terabyte) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            Instant end = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(end) && !server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[4096]);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + (terabyte ? "Content-Length: 1099511627776\r\n" : trickle ? "Content-Length: 100000\r\n"
                                    : "Transfer-Encoding: chunked\r\n") + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = trickle ? new byte[] {' '} : terabyte ? " ".repeat(0x10000).getBytes(StandardCharsets.US_ASCII)
                            : ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (int k = 0; k < 100_000 && Instant.now().isBefore(end); k++) {
                        out.write(chunk);
                        out.flush();
                        sent.addAndGet(chunk.length);
                        if (trickle) {
                            Thread.sleep(200);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    closedAt = Instant.now(); // the client dropped the connection
                }
            }
        }, "hostile-server");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/feed.json");
    }

    @Test
    void aServerSendingAByteNowAndThenIsLeftAtTheDeadline() throws Exception {
        URI url = serve(true);
        try (FeedFetcher fetcher = new FeedFetcher(POLICY, "Preflight/test")) {
            long start = System.nanoTime();
            FeedFetcher.Outcome outcome = fetcher.fetch(new FeedSource(url, Optional.empty(), true), Optional.empty(), Optional.empty());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(outcome instanceof FeedFetcher.Outcome.Failed f && English.of(f.reason()).contains("deadline"), outcome.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "ended at the 3 s deadline, took " + took.toMillis() + " ms");
            System.out.println("HostileServerTest: trickling server left after " + took.toMillis() + " ms");
        }
    }

    @Test
    void anEndlessBodyIsCutAtTheCapAndTheConnectionDropped() throws Exception {
        URI url = serve(false);
        try (FeedFetcher fetcher = new FeedFetcher(POLICY, "Preflight/test")) {
            long start = System.nanoTime();
            FeedFetcher.Outcome outcome = fetcher.fetchDocument(url, true);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertRefusedAndDropped(outcome);
            // Socket buffers hold a few MB at most: far from the 6 GB the server would send in 30 s.
            assertTrue(sent.get() < 64L * 1024 * 1024, "not drained: " + sent.get() + " bytes sent");
            System.out.println("HostileServerTest: endless body cut after " + took.toMillis() + " ms, " + sent.get() + " bytes sent");
        }
    }

    @Test
    void aDeclaredTerabyteIsRefusedAndTheConnectionDroppedNotRead() throws Exception {
        URI url = serve(false, true);
        try (FeedFetcher fetcher = new FeedFetcher(POLICY, "Preflight/test")) {
            long start = System.nanoTime();
            FeedFetcher.Outcome outcome = fetcher.fetchDocument(url, true);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertRefusedAndDropped(outcome);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "refused at once, not read until the deadline: " + took.toMillis() + " ms");
            assertTrue(sent.get() < 64L * 1024 * 1024, "not read: " + sent.get() + " bytes sent");
            System.out.println("HostileServerTest: a declared terabyte refused after " + took.toMillis() + " ms, " + sent.get() + " bytes sent");
        }
    }

    /** Refused as too large, and the server saw the connection dropped (not drained). */
    private void assertRefusedAndDropped(FeedFetcher.Outcome outcome) throws InterruptedException {
        assertTrue(outcome instanceof FeedFetcher.Outcome.Failed f && English.of(f.reason()).startsWith("larger than 1 MiB"), outcome.toString());
        for (int k = 0; k < 100 && closedAt == null; k++) {
            Thread.sleep(20);
        }
        assertTrue(closedAt != null, "the server saw the connection dropped");
    }
}
