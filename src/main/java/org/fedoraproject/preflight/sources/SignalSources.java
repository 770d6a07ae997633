package org.fedoraproject.preflight.sources;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.fedoraproject.preflight.feed.FeedFetcher;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.system.RegularFiles;

/**
 * Reads Bodhi and Fedora's Common Issues through the feed's HTTP client, with the same cache
 * and offline rules: each answer is kept by URL; offline, or when a source fails, the kept
 * answer is used and the problem said. Bodhi is asked for many builds at once (50 NVRs a
 * request, up to 100 updates a page), so 300 pending updates cost a handful of requests.
 */
public final class SignalSources {

    /** Where the services are: Fedora's by default; a loopback server in tests (local allows http). */
    public record Endpoints(String bodhi, String discourse, boolean local) {
        public static final Endpoints FEDORA = new Endpoints("https://bodhi.fedoraproject.org",
                "https://discussion.fedoraproject.org", false);
    }

    /** What one source gave: its items, and the problem met (empty when it answered). */
    public record Read<T>(List<T> items, Optional<String> problem) {
    }

    static final int BUILDS_PER_REQUEST = 50;
    /** One source's deadline over all its requests, retries included: a slow Bodhi must not hold up a verdict. */
    static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(15);
    static final int MAX_PAGES = 10;
    static final String COMMON_ISSUES = "/tags/c/ask/common-issues/82/none/f";

    private final Supplier<FeedFetcher> fetcher;
    private final Path cacheDir;
    private final Endpoints endpoints;

    public SignalSources(Supplier<FeedFetcher> fetcher, Path cacheDir, Endpoints endpoints) {
        this.fetcher = fetcher;
        this.cacheDir = cacheDir;
        this.endpoints = endpoints;
    }

    /** The Bodhi updates of these build NVRs. */
    public Read<BodhiUpdate> bodhi(List<String> nvrs, boolean offline) {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<BodhiUpdate> updates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int from = 0; from < nvrs.size(); from += BUILDS_PER_REQUEST) {
            List<String> batch = nvrs.subList(from, Math.min(nvrs.size(), from + BUILDS_PER_REQUEST));
            String builds = URLEncoder.encode(String.join(",", batch), StandardCharsets.UTF_8);
            int pages = 1;
            for (int page = 1; page <= pages && page <= MAX_PAGES; page++) {
                URI url = URI.create(endpoints.bodhi() + "/updates/?builds=" + builds + "&rows_per_page=100&page=" + page);
                Optional<String> body = document(url, offline, problems, "Bodhi", deadline);
                if (body.isEmpty()) {
                    break;
                }
                try {
                    BodhiParser.Page p = BodhiParser.parse(body.get(), endpoints.bodhi());
                    updates.addAll(p.updates());
                    pages = p.pages();
                } catch (RuntimeException e) {
                    problems.add("Bodhi: an answer could not be read (" + e.getMessage() + ")");
                    break;
                }
            }
        }
        return new Read<>(updates, problems.stream().findFirst());
    }

    /** The open Common Issues topics of release {@code release} (a number, as in "43"). */
    public Read<CommonIssue> commonIssues(String release, boolean offline) {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<CommonIssue> issues = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String path = COMMON_ISSUES + release + ".json";
        for (int page = 0; page < 3 && path != null; page++) {
            Optional<String> body = document(URI.create(endpoints.discourse() + path), offline, problems, "Common Issues", deadline);
            if (body.isEmpty()) {
                break;
            }
            try {
                CommonIssuesParser.Page p = CommonIssuesParser.parse(body.get(), endpoints.discourse());
                issues.addAll(p.issues());
                path = p.more().map(SignalSources::asJson).orElse(null);
            } catch (RuntimeException e) {
                problems.add("Common Issues: the answer could not be read (" + e.getMessage() + ")");
                break;
            }
        }
        return new Read<>(issues, problems.stream().findFirst());
    }

    /** Discourse's more_topics_url is the HTML path: the JSON one has .json before the query. */
    static String asJson(String more) {
        int q = more.indexOf('?');
        String path = q < 0 ? more : more.substring(0, q);
        String query = q < 0 ? "" : more.substring(q);
        return (path.endsWith(".json") ? path : path + ".json") + query;
    }

    /** A fresh answer (kept for later), or the kept one with the problem said, or nothing. */
    private Optional<String> document(URI url, boolean offline, List<String> problems, String source, Instant deadline) {
        Path kept = cacheDir.resolve(key(url) + ".json");
        if (!offline) {
            FeedFetcher.Outcome outcome = fetcher.get().fetchDocument(url, endpoints.local(), deadline);
            if (outcome instanceof FeedFetcher.Outcome.Fresh fresh) {
                String body = new String(fresh.body(), StandardCharsets.UTF_8);
                keep(kept, body);
                return Optional.of(body);
            }
            String reason = outcome instanceof FeedFetcher.Outcome.Failed f ? f.reason() : "no answer";
            Optional<String> old = read(kept);
            problems.add(source + ": " + reason + (old.isPresent() ? "; using the answer kept from before" : ""));
            return old;
        }
        Optional<String> old = read(kept);
        if (old.isEmpty()) {
            problems.add(source + ": nothing kept yet (offline)");
        }
        return old;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(RegularFiles.readString(file, 64L << 20));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void keep(Path file, String body) {
        try {
            Files.createDirectories(cacheDir);
            Path temp = Files.createTempFile(cacheDir, ".answer", ".tmp");
            Files.writeString(temp, body, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a cache that cannot be written costs only the offline copy
        }
    }

    private static String key(URI url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** By build NVR, for the judge. */
    public static Map<String, BodhiUpdate> byBuild(List<BodhiUpdate> updates) {
        Map<String, BodhiUpdate> map = new HashMap<>();
        for (BodhiUpdate u : updates) {
            u.builds().forEach(nvr -> map.putIfAbsent(nvr, u));
        }
        return map;
    }
}
