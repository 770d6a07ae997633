package org.fedoraproject.preflight.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.incident.FeedProblem;

/**
 * Keeps each feed current without ever losing the last good copy. A new copy replaces the kept
 * one only when it is whole, signed by a trusted key, readable, and not older than the kept one;
 * otherwise the kept copy stays in use and the reason is said. Offline, the kept copy is used
 * and its age shown.
 */
public final class FeedRepository {

    private final Supplier<FeedFetcher> fetcher;
    private final FeedCache cache;
    private final TrustStore trust;
    private final Clock clock;

    public FeedRepository(FeedFetcher fetcher, FeedCache cache, TrustStore trust, Clock clock) {
        this(() -> fetcher, cache, trust, clock);
    }

    /** With a fetcher made only when a feed is downloaded: an offline check never starts HTTPS. */
    public FeedRepository(Supplier<FeedFetcher> fetcher, FeedCache cache, TrustStore trust, Clock clock) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.trust = trust;
        this.clock = clock;
    }

    public FeedStatus refresh(FeedSource source, boolean offline) {
        String url = source.url().toString();
        List<FeedKeys.TrustedKey> keys;
        try {
            keys = keysFor(source);
        } catch (GeneralSecurityException e) {
            return kept(source, Optional.empty(), "the key given for this feed cannot be read (" + e.getMessage() + ")");
        }
        Optional<Verified> kept = cache.load(url).flatMap(entry -> verifyKept(url, entry, keys));
        if (offline) {
            return kept(source, kept, kept.isPresent() ? null : "offline, and no copy kept yet");
        }
        FeedFetcher.Outcome outcome = fetcher.get().fetch(source,
                kept.flatMap(k -> k.entry.etag()), kept.flatMap(k -> k.entry.lastModified()));
        if (outcome instanceof FeedFetcher.Outcome.Failed failed) {
            return kept(source, kept, failed.reason());
        }
        Instant now = clock.instant();
        if (outcome instanceof FeedFetcher.Outcome.NotModified) {
            if (kept.isEmpty()) {
                return kept(source, kept, "the server says unchanged, but no copy is kept");
            }
            Verified confirmed = kept.get().confirmedAt(now);
            return store(source, confirmed, null);
        }
        FeedFetcher.Outcome.Fresh fresh = (FeedFetcher.Outcome.Fresh) outcome;
        FeedCache.Entry entry = new FeedCache.Entry(url, fresh.body(), fresh.signature(), fresh.etag(), fresh.lastModified(), now);
        Optional<FeedKeys.TrustedKey> signer = FeedKeys.verify(fresh.body(), fresh.signature(), keys);
        if (signer.isEmpty()) {
            return kept(source, kept, keys.isEmpty()
                    ? "no trusted key for this feed: add the publisher's public key"
                    : "the signature does not match any trusted key: new copy refused");
        }
        FeedReadResult read = FeedParser.parse(new String(fresh.body(), StandardCharsets.UTF_8));
        if (read instanceof FeedReadResult.Refused refused) {
            return kept(source, kept, "new copy refused: " + refused.reason());
        }
        FeedReadResult.Accepted accepted = (FeedReadResult.Accepted) read;
        if (kept.isPresent() && accepted.feed().generated().isBefore(kept.get().feed.generated())) {
            return kept(source, kept, "new copy refused: generated " + accepted.feed().generated()
                    + " is older than the kept copy's " + kept.get().feed.generated() + " (a replayed old feed?)");
        }
        return store(source, new Verified(entry, accepted.feed(), signer.get(), accepted.problems()), null);
    }

    private FeedStatus store(FeedSource source, Verified verified, String error) {
        String problem = error;
        try {
            cache.store(verified.entry, Optional.of(new FeedBinary.Parsed(verified.feed, verified.problems, verified.signer.id())));
        } catch (IOException e) {
            problem = "cannot keep a copy in " + cache.dir() + " (" + e.getMessage() + ")";
        }
        return status(source, Optional.of(verified), false, problem);
    }

    private FeedStatus kept(FeedSource source, Optional<Verified> kept, String error) {
        return status(source, kept, true, error);
    }

    private FeedStatus status(FeedSource source, Optional<Verified> v, boolean fromCache, String error) {
        Optional<Feed> feed = v.map(x -> x.feed);
        boolean stale = feed.map(f -> f.isExpiredAt(clock.instant())).orElse(false);
        return new FeedStatus(source.url().toString(), feed, v.map(x -> x.entry.fetched()), fromCache, stale,
                Optional.ofNullable(error), v.map(x -> x.signer.id()), v.map(x -> x.problems).orElse(List.of()));
    }

    private List<FeedKeys.TrustedKey> keysFor(FeedSource source) throws GeneralSecurityException {
        if (source.publicKey().isPresent()) {
            return List.of(FeedKeys.readPublic(source.publicKey().get(), "the key given for " + source.url()));
        }
        return new ArrayList<>(trust.keys());
    }

    /**
     * The kept copy, as checked when it was fetched when that form is whole and its key is
     * still trusted; otherwise the body is checked again (signature and all) before use, so a
     * damaged cache is never trusted.
     */
    private Optional<Verified> verifyKept(String url, FeedCache.Entry entry, List<FeedKeys.TrustedKey> keys) {
        Optional<FeedBinary.Parsed> checked = cache.checked(url);
        if (checked.isPresent()) {
            Optional<FeedKeys.TrustedKey> signer = keys.stream().filter(k -> k.id().equals(checked.get().signer())).findFirst();
            if (signer.isPresent()) {
                return Optional.of(new Verified(entry, checked.get().feed(), signer.get(), checked.get().problems()));
            }
        }
        return verify(entry, keys);
    }

    /** A kept copy is checked again before use: a damaged or tampered cache is not trusted. */
    private static Optional<Verified> verify(FeedCache.Entry entry, List<FeedKeys.TrustedKey> keys) {
        Optional<FeedKeys.TrustedKey> signer = FeedKeys.verify(entry.body(), entry.signature(), keys);
        if (signer.isEmpty()) {
            return Optional.empty();
        }
        FeedReadResult read = FeedParser.parse(new String(entry.body(), StandardCharsets.UTF_8));
        if (read instanceof FeedReadResult.Accepted accepted) {
            return Optional.of(new Verified(entry, accepted.feed(), signer.get(), accepted.problems()));
        }
        return Optional.empty();
    }

    private record Verified(FeedCache.Entry entry, Feed feed, FeedKeys.TrustedKey signer, List<FeedProblem> problems) {
        Verified confirmedAt(Instant now) {
            FeedCache.Entry e = new FeedCache.Entry(entry.url(), entry.body(), entry.signature(), entry.etag(),
                    entry.lastModified(), now);
            return new Verified(e, feed, signer, problems);
        }
    }
}
