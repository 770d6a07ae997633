package org.fedoraproject.preflight.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP (or HTTPS) server on loopback for feed tests. Each path answers as told; every
 * request is recorded with its headers. Conditional requests are answered as a web server
 * would: a matching If-None-Match gets a 304.
 */
public final class FeedServer implements AutoCloseable {

    /** How a path answers. */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers, boolean gzip,
                         long declaredLength) {
        public static Answer json(byte[] body, String etag) {
            return new Answer(200, "application/json", body, etag == null ? Map.of() : Map.of("ETag", etag), false, -1);
        }

        public static Answer text(String body) {
            return new Answer(200, "text/plain", body.getBytes(StandardCharsets.US_ASCII), Map.of(), false, -1);
        }

        public static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, "text/plain", new byte[0], headers, false, -1);
        }

        public Answer gzipped() {
            return new Answer(status, contentType, body, headers, true, declaredLength);
        }

        /** Declares a longer body than is sent, then closes: a truncated download. */
        public Answer truncatedTo(int sent) {
            return new Answer(status, contentType, Arrays.copyOf(body, sent), headers, false, body.length);
        }
    }

    public record Request(String path, Headers headers, String query) {
    }

    private final HttpServer server;
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, Answer>> byQuery = new ConcurrentHashMap<>();
    private final AtomicLong bytesSent = new AtomicLong();

    private FeedServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static FeedServer http() throws IOException {
        return new FeedServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    public static FeedServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new FeedServer(server);
    }

    public String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        String host = server instanceof HttpsServer ? "localhost" : "127.0.0.1";
        return scheme + "://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** Answers {@code path} with these, one per request; the last one repeats. */
    public void answer(String path, Answer... sequence) {
        answers.put(path, new CopyOnWriteArrayList<>(List.of(sequence)));
    }

    /** Answers {@code path} with what {@code answer} makes of each request's query (a search, a page). */
    public void answerByQuery(String path, Function<String, Answer> answer) {
        byQuery.put(path, answer);
    }

    /** The bytes of the bodies sent so far (as sent: gzipped ones gzipped). */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Every answer waits this long first, as a real server far away does (benchmarks: 300 ms). */
    public void latency(Duration wait) {
        latency = wait;
    }

    private volatile Duration latency = Duration.ZERO;

    public List<Request> requests() {
        return requests;
    }

    public long count(String path) {
        return requests.stream().filter(r -> r.path.equals(path)).count();
    }

    /** The most requests it was answering at one time. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    private final AtomicInteger atOnce = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    private void handle(HttpExchange exchange) throws IOException {
        mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
        try {
            answer(exchange);
        } finally {
            atOnce.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, exchange.getRequestHeaders(), String.valueOf(exchange.getRequestURI().getRawQuery())));
        List<Answer> sequence = answers.get(path);
        Function<String, Answer> computed = byQuery.get(path);
        if (computed != null) {
            sequence = List.of(computed.apply(String.valueOf(exchange.getRequestURI().getQuery())));
        }
        try (exchange) {
            if (sequence == null || sequence.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Answer a = sequence.size() > 1 ? sequence.remove(0) : sequence.get(0);
            String etag = a.headers.get("ETag");
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            a.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (a.status == 200 && etag != null && etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", a.contentType);
            byte[] body = a.body;
            if (a.gzip) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                    gz.write(body);
                }
                body = zipped.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            if (a.status != 200) {
                exchange.sendResponseHeaders(a.status, body.length == 0 ? -1 : body.length);
            } else {
                exchange.sendResponseHeaders(200, a.declaredLength > 0 ? a.declaredLength : body.length);
            }
            if (body.length > 0) {
                bytesSent.addAndGet(body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
