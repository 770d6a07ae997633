package org.fedoraproject.preflight.adapter.feed;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.fedoraproject.preflight.adapter.system.RegularFiles;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.text.Text;
import org.fedoraproject.preflight.threads.Threads;

/**
 * Downloads a feed and its signature. Conditional (ETag, If-Modified-Since), so an unchanged
 * feed costs a 304; compressed (gzip, deflate); with connect and read timeouts; redirects
 * followed by hand, never from https to anything else; bounded retries with backoff that honour
 * Retry-After; a cap on the size; and a User-Agent that names Preflight.
 */
public final class FeedFetcher implements Closeable {

    /**
     * How hard to try. {@code maxWait} caps a single wait, Retry-After included; {@code total} is
     * the deadline of one fetch, retries, waits and a server that sends a byte now and then
     * included (the read timeout alone never fires for a trickle).
     */
    public record Policy(int attempts, Duration backoff, Duration maxWait, Duration connectTimeout,
                         Duration readTimeout, long maxBytes, Duration total) {

        public static final Policy DEFAULT = new Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 32L * 1024 * 1024, Duration.ofSeconds(60));
    }

    /** Ends requests at their deadline; one sleeping daemon thread for every fetcher. */
    private static final ScheduledExecutorService DEADLINES =
            Threads.scheduler("deadline");

    /** What a download gave. */
    public sealed interface Outcome {
        record Fresh(byte[] body, String signature, Optional<String> etag, Optional<String> lastModified) implements Outcome {
        }

        record NotModified() implements Outcome {
        }

        /** Why the download failed, in the user's words (the server's or the network's details as they came). */
        record Failed(Text reason) implements Outcome {
        }
    }

    static final int MAX_REDIRECTS = 5;

    private final Policy policy;
    private final String userAgent;
    private final CloseableHttpClient client;

    public FeedFetcher(Policy policy, String userAgent) {
        this(policy, userAgent, SSLContexts.createSystemDefault());
    }

    /** With the TLS trust of {@code tls} instead of the system's (tests; a private CA). */
    public FeedFetcher(Policy policy, String userAgent, SSLContext tls) {
        this.policy = policy;
        this.userAgent = userAgent;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(policy.connectTimeout()))
                                .setSocketTimeout(Timeout.of(policy.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(policy.readTimeout())).build())
                .setUserAgent(userAgent)
                // Redirects and retries are Preflight's own (get()), not the library's strategies:
                // a redirect is refused unless it stays on https (http only for a feed the user
                // marked local), each retry and each wait counts against the source's one deadline,
                // and a Retry-After longer than maxWait ends the fetch with the reason; the library's
                // DefaultRedirectStrategy and DefaultHttpRequestRetryStrategy know neither rule.
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    public String userAgent() {
        return userAgent;
    }

    /** Fetches the feed (conditionally, when validators are known) and, when it changed, its signature. */
    public Outcome fetch(FeedSource source, Optional<String> etag, Optional<String> lastModified) {
        if ("file".equalsIgnoreCase(source.url().getScheme())) {
            return readFiles(source);
        }
        Instant deadline = Instant.now().plus(policy.total());
        Response feed = get(source, source.url(), etag, lastModified, deadline);
        if (feed.failure != null) {
            return new Outcome.Failed(feed.failure);
        }
        if (feed.code == 304) {
            return new Outcome.NotModified();
        }
        Response signature = get(source, source.signatureUrl(), Optional.empty(), Optional.empty(), deadline);
        if (signature.failure != null) {
            return new Outcome.Failed(Text.of("feed.fetch.signature", source.signatureUrl().toString(), signature.failure));
        }
        return new Outcome.Fresh(feed.body, new String(signature.body, StandardCharsets.US_ASCII),
                Optional.ofNullable(feed.etag), Optional.ofNullable(feed.lastModified));
    }

    /**
     * One JSON document (a Bodhi or Discourse answer, no signature): the same client, timeouts,
     * retries with Retry-After, redirect rules and size cap as feeds.
     */
    public Outcome fetchDocument(URI url, boolean local) {
        return fetchDocument(url, local, Instant.now().plus(policy.total()));
    }

    /** The same, ending at {@code deadline} (a source's overall deadline, over all its requests). */
    public Outcome fetchDocument(URI url, boolean local, Instant deadline) {
        return fetchDocument(url, local, deadline, Optional.empty(), Optional.empty());
    }

    /** The same, asked conditionally with a kept answer's validators: unchanged, it is {@link Outcome.NotModified}. */
    public Outcome fetchDocument(URI url, boolean local, Instant deadline, Optional<String> etag, Optional<String> lastModified) {
        FeedSource source = new FeedSource(url, Optional.empty(), local);
        Response r = get(source, url, etag, lastModified, deadline);
        if (r.failure != null) {
            return new Outcome.Failed(r.failure);
        }
        if (r.code == 304) {
            return new Outcome.NotModified();
        }
        return new Outcome.Fresh(r.body, "", Optional.ofNullable(r.etag), Optional.ofNullable(r.lastModified));
    }

    private Outcome readFiles(FeedSource source) {
        Path feed = Path.of(source.url());
        Path signature = Path.of(source.signatureUrl());
        try {
            byte[] body = RegularFiles.read(feed, policy.maxBytes());
            String sig = RegularFiles.readString(signature, RegularFiles.SMALL);
            return new Outcome.Fresh(body, sig, Optional.empty(), Optional.empty());
        } catch (NoSuchFileException e) {
            return new Outcome.Failed(Text.of("feed.fetch.noFile", e.getFile()));
        } catch (IOException e) {
            return new Outcome.Failed(Text.of("feed.fetch.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /** One resource, with redirects and retries. */
    private Response get(FeedSource source, URI start, Optional<String> etag, Optional<String> lastModified, Instant deadline) {
        URI uri = start;
        Response last = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            int redirects = 0;
            while (true) {
                last = once(uri, etag, lastModified, deadline);
                if (last.redirect == null) {
                    break;
                }
                if (++redirects > MAX_REDIRECTS) {
                    return Response.failed(Text.of("feed.fetch.redirects", MAX_REDIRECTS));
                }
                URI next;
                try {
                    next = uri.resolve(last.redirect);
                } catch (IllegalArgumentException e) {
                    // "http://[::1" or a space: no address at all. Refused, never a stack trace.
                    return Response.failed(Text.of("feed.fetch.badRedirect", SafeText.line(shortened(last.redirect))));
                }
                String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !(source.local() && scheme.equals("http"))) {
                    return Response.failed(Text.of("feed.fetch.notHttps", next.toString()));
                }
                uri = next;
            }
            if (!last.retryable || attempt == policy.attempts()) {
                return last;
            }
            Duration wait = last.retryAfter != null ? last.retryAfter : policy.backoff().multipliedBy(1L << (attempt - 1));
            if (wait.compareTo(policy.maxWait()) > 0) {
                return Response.failed(Text.of("feed.fetch.waitTooLong", last.failure, wait.toSeconds()));
            }
            if (Instant.now().plus(wait).isAfter(deadline)) {
                return Response.failed(Text.of("feed.fetch.noTimeLeft", last.failure));
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Response.failed(Text.of("feed.fetch.interrupted"));
            }
        }
        return last;
    }

    private Response once(URI uri, Optional<String> etag, Optional<String> lastModified, Instant deadline) {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "application/json");
        etag.ifPresent(v -> get.setHeader("If-None-Match", v));
        lastModified.ifPresent(v -> get.setHeader("If-Modified-Since", v));
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return Response.failed(Text.of("feed.fetch.deadline", policy.total().toSeconds()));
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> timer = DEADLINES.schedule(() -> {
            timedOut.set(true);
            get.cancel(); // closes the connection: a trickling server is not waited for
        }, left.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(get, response -> read(response, get));
        } catch (IOException e) {
            return timedOut.get() ? deadlinePassed(left) : failure(uri, e);
        } catch (RuntimeException e) {
            if (timedOut.get()) {
                return deadlinePassed(left); // a request cancelled under the client's hands
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    private static Response deadlinePassed(Duration left) {
        return Response.failed(Text.of("feed.fetch.deadlinePassed", Math.max(1, left.toSeconds())));
    }

    /** Whether a failure's reason is that the host could not be reached at all: not found, or nothing listening. */
    public static boolean unreachable(Text reason) {
        return reason.key().equals("feed.fetch.unknownHost") || reason.key().equals("feed.fetch.cannotConnect");
    }

    private Response failure(URI uri, IOException exception) {
        try {
            throw exception;
        } catch (UnknownHostException e) {
            return Response.failed(Text.of("feed.fetch.unknownHost", String.valueOf(uri.getHost())));
        } catch (InterruptedIOException e) {
            return Response.retry(Text.of("feed.fetch.noAnswer", policy.readTimeout().toSeconds()), null);
        } catch (ConnectException e) {
            // Refused: nothing listens there. Known at once; waiting and asking again would only delay the verdict.
            boolean refused = String.valueOf(e.getMessage()).contains("refused");
            Text why = Text.of("feed.fetch.cannotConnect", String.valueOf(uri.getHost()), String.valueOf(e.getMessage()));
            return refused ? Response.failed(why) : Response.retry(why, null);
        } catch (IOException e) {
            return Response.retry(Text.of("feed.fetch.failed", String.valueOf(e.getMessage())), null);
        }
    }

    private Response read(ClassicHttpResponse response, HttpGet request) throws IOException {
        int code = response.getCode();
        if (code == 304) {
            return Response.notModified();
        }
        if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
            Header location = response.getFirstHeader("Location");
            return location == null ? Response.failed(Text.of("feed.fetch.noLocation", Integer.toString(code)))
                    : Response.redirect(location.getValue());
        }
        if (code == 429 || code == 500 || code == 502 || code == 503 || code == 504) {
            return Response.retry(Text.of("feed.fetch.http", Integer.toString(code)), retryAfter(response));
        }
        if (code != 200) {
            return Response.failed(Text.of(code == 404 ? "feed.fetch.notFound" : "feed.fetch.http", Integer.toString(code)));
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return Response.failed(Text.of("feed.fetch.empty"));
        }
        ContentType type = ContentType.parseLenient(entity.getContentType());
        String mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
        boolean json = mime.equals("application/json") || mime.endsWith("+json");
        boolean signature = mime.equals("text/plain") || mime.equals("application/octet-stream")
                || mime.equals("application/pgp-signature");
        if (!json && !signature) {
            return Response.failed(mime.isEmpty() ? Text.of("feed.fetch.noContentType") : Text.of("feed.fetch.contentType", mime));
        }
        if (entity.getContentLength() > policy.maxBytes()) {
            // Refused on the declared length: the connection is dropped, or the client would read
            // the whole body to reuse it.
            request.cancel();
            return Response.failed(Text.of("feed.fetch.tooLarge", policy.maxBytes() / (1024 * 1024)));
        }
        byte[] body;
        InputStream in = entity.getContent();
        body = readCapped(in, entity.getContentLength());
        if (body == null) {
            // Refused: the connection is dropped, not read to its end (an endless body would be).
            request.cancel();
            return Response.failed(Text.of("feed.fetch.tooLarge", policy.maxBytes() / (1024 * 1024)));
        }
        in.close();
        return Response.ok(body, header(response, "ETag"), header(response, "Last-Modified"));
    }

    /**
     * The body, or null beyond the cap. A body that ends before its Content-Length (or its last
     * chunk) is not returned short: HttpClient's stream then throws (ConnectionClosedException),
     * which once() turns into a failed, retryable download.
     */
    private byte[] readCapped(InputStream in, long declared) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 && declared < 1 << 24 ? (int) declared : 8192);
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + (long) n > policy.maxBytes()) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** Retry-After as seconds or as an HTTP date. */
    private static Duration retryAfter(ClassicHttpResponse response) {
        String value = header(response, "Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            Instant when = DateUtils.parseStandardDate(value);
            return when == null ? null : Duration.between(Instant.now(), when).isNegative() ? Duration.ZERO
                    : Duration.between(Instant.now(), when);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** One HTTP exchange, reduced to what the fetch needs. */
    private static final class Response {
        int code;
        byte[] body;
        String etag;
        String lastModified;
        String redirect;
        Text failure;
        boolean retryable;
        Duration retryAfter;

        static Response ok(byte[] body, String etag, String lastModified) {
            Response r = new Response();
            r.code = 200;
            r.body = Objects.requireNonNull(body);
            r.etag = etag;
            r.lastModified = lastModified;
            return r;
        }

        static Response notModified() {
            Response r = new Response();
            r.code = 304;
            return r;
        }

        static Response redirect(String location) {
            Response r = new Response();
            r.redirect = location;
            return r;
        }

        static Response failed(Text why) {
            Response r = new Response();
            r.failure = why;
            return r;
        }

        static Response retry(Text why, Duration after) {
            Response r = failed(why);
            r.retryable = true;
            r.retryAfter = after;
            return r;
        }
    }

    /** At most 100 characters of a server's text in a message: enough to recognise, never the whole answer. */
    static String shortened(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }
}
