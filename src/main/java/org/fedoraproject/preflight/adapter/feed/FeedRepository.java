package org.fedoraproject.preflight.adapter.feed;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.text.Problem;
import org.fedoraproject.preflight.text.Text;

/**
 * Keeps each feed current without ever losing the last good copy. A new copy replaces the kept
 * one only when it is whole, signed by a trusted key, readable, and not older than the kept one;
 * otherwise the kept copy stays in use and the reason is said. Offline, the kept copy is used
 * and its age shown.
 */
public final class FeedRepository {

    /** Offline with nothing kept: the one state in which there is no copy at all. */
    public static final Text NONE_KEPT = Text.of("feed.problem.noneKept");

    /** A feed generated further ahead than this is refused: it would freeze out every later copy. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    private final Supplier<FeedFetcher> fetcher;
    private final FeedCache cache;
    private final FeedState state;
    private final TrustStore trust;
    private final Clock clock;
    private final ParsedFeeds parsed = new ParsedFeeds();

    public FeedRepository(FeedFetcher fetcher, FeedCache cache, FeedState state, TrustStore trust, Clock clock) {
        this(() -> fetcher, cache, state, trust, clock);
    }

    /** With a fetcher made only when a feed is downloaded: an offline check never starts HTTPS. */
    public FeedRepository(Supplier<FeedFetcher> fetcher, FeedCache cache, FeedState state, TrustStore trust, Clock clock) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.state = state;
        this.trust = trust;
        this.clock = clock;
    }

    /** Trusted keys that could not be read: said, since a feed they sign is then refused. */
    public List<String> trustProblems() {
        return trust.problems().stream().map(p -> "trusted key " + p).toList();
    }

    public FeedStatus refresh(FeedSource source, boolean offline) {
        String url = source.url().toString();
        List<FeedKeys.TrustedKey> keys;
        try {
            keys = keysFor(source);
        } catch (GeneralSecurityException e) {
            return kept(source, Optional.empty(), Text.of("feed.problem.badKey", String.valueOf(e.getMessage())));
        }
        List<Text> notes = new ArrayList<>();
        Optional<FeedCache.Entry> loaded = cache.load(url);
        if (loaded.isEmpty() && cache.hasRecord(url)) {
            notes.add(Text.of("feed.problem.damaged"));
        }
        Optional<Verified> kept = loaded.flatMap(entry -> verifyKept(url, entry, keys, notes));
        if (offline) {
            return kept(source, kept, kept.isPresent() ? note(notes) : notes.isEmpty() ? NONE_KEPT : note(notes));
        }
        FeedFetcher.Outcome outcome = fetcher.get().fetch(source,
                kept.flatMap(k -> k.entry.etag()), kept.flatMap(k -> k.entry.lastModified()));
        if (outcome instanceof FeedFetcher.Outcome.Failed failed) {
            return kept(source, kept, with(failed.reason(), notes));
        }
        Instant now = clock.instant();
        if (outcome instanceof FeedFetcher.Outcome.NotModified) {
            if (kept.isEmpty()) {
                return kept(source, kept, with(Text.of("feed.problem.unchangedNoCopy"), notes));
            }
            Verified confirmed = kept.get().confirmedAt(now);
            return store(source, confirmed, null);
        }
        FeedFetcher.Outcome.Fresh fresh = (FeedFetcher.Outcome.Fresh) outcome;
        FeedCache.Entry entry = new FeedCache.Entry(url, fresh.body(), fresh.signature(), fresh.etag(), fresh.lastModified(), now);
        Optional<FeedKeys.TrustedKey> signer = FeedKeys.verify(fresh.body(), fresh.signature(), keys);
        if (signer.isEmpty()) {
            return kept(source, kept, Text.of(keys.isEmpty() ? "feed.problem.noKey" : "feed.problem.badSignature"));
        }
        FeedReadResult read = parsed.parse(url, fresh.body());
        if (read instanceof FeedReadResult.Refused refused) {
            return kept(source, kept, with(Text.of("feed.problem.refused", Text.untranslated(refused.reason())), notes));
        }
        FeedReadResult.Accepted accepted = (FeedReadResult.Accepted) read;
        Optional<Text> replay = replay(url, accepted.feed().generated(), fresh.body(), kept);
        if (replay.isPresent()) {
            // Another check (the background's, the window's) may have accepted a newer copy
            // since this one read the cache: that one is used, never none at all.
            Optional<Verified> newest = cache.load(url).flatMap(e -> verifyKept(url, e, keys, new ArrayList<>()))
                    .filter(n -> kept.isEmpty() || n.feed.generated().isAfter(kept.get().feed.generated()));
            return kept(source, newest.isPresent() ? newest : kept, with(Text.of("feed.problem.refused", replay.get()), notes));
        }
        // A good new copy replaces whatever was wrong with the kept one: nothing to say about it.
        return store(source, new Verified(entry, accepted.feed(), signer.get(), accepted.problems()), null);
    }

    /**
     * Why a signed copy is not to replace what was accepted before: older than the newest
     * accepted (kept in the cache, or remembered in the state even when the cache was cleared),
     * another body with the same {@code generated}, or generated more than a day ahead.
     */
    private Optional<Text> replay(String url, Instant generated, byte[] body, Optional<Verified> kept) {
        if (generated.isAfter(clock.instant().plus(MAX_FUTURE))) {
            return Optional.of(Text.of("feed.problem.future", generated.toString()));
        }
        Optional<FeedState.Seen> seen = state.seen(url);
        Instant newest = kept.map(k -> k.feed.generated()).orElse(Instant.MIN);
        if (seen.isPresent() && seen.get().generated().isAfter(newest)) {
            newest = seen.get().generated();
        }
        if (generated.isBefore(newest)) {
            return Optional.of(Text.of("feed.problem.older", generated.toString(), newest.toString()));
        }
        if (seen.isPresent() && generated.equals(seen.get().generated()) && !FeedCache.hash(body).equals(seen.get().bodySha256())) {
            return Optional.of(Text.of("feed.problem.sameTime", generated.toString()));
        }
        return Optional.empty();
    }

    /** The reason, and what was noticed of the kept copy, one after the other. */
    private static Text with(Text reason, List<Text> notes) {
        Text all = reason;
        for (Text n : notes) {
            all = Text.of("feed.problem.and", all, n);
        }
        return all;
    }

    private static Text note(List<Text> notes) {
        return notes.isEmpty() ? null : with(notes.get(0), notes.subList(1, notes.size()));
    }

    private FeedStatus store(FeedSource source, Verified verified, Text error) {
        Text problem = error;
        try {
            state.accept(verified.entry.url(), verified.feed.generated(), verified.entry.body());
            cache.store(verified.entry, Optional.of(new FeedBinary.Parsed(verified.feed, verified.problems, verified.signer.id())),
                    Optional.of(state.macKeyOrNew()));
        } catch (IOException e) {
            problem = Text.of("feed.problem.cannotKeep", cache.dir().toString(), String.valueOf(e.getMessage()));
        }
        return status(source, Optional.of(verified), false, problem);
    }

    private FeedStatus kept(FeedSource source, Optional<Verified> kept, Text error) {
        return status(source, kept, true, error);
    }

    private FeedStatus status(FeedSource source, Optional<Verified> v, boolean fromCache, Text error) {
        Optional<Feed> feed = v.map(x -> x.feed);
        boolean stale = feed.map(f -> f.isExpiredAt(clock.instant())).orElse(false);
        String url = source.url().toString();
        return new FeedStatus(url, feed, v.map(x -> x.entry.fetched()), fromCache, stale,
                Optional.ofNullable(error).map(e -> new Problem(url, e)), v.map(x -> x.signer.id()), v.map(x -> x.problems).orElse(List.of()));
    }

    private List<FeedKeys.TrustedKey> keysFor(FeedSource source) throws GeneralSecurityException {
        if (source.publicKey().isPresent()) {
            return List.of(FeedKeys.readPublic(source.publicKey().get(), "the key given for " + source.url()));
        }
        return new ArrayList<>(trust.keys());
    }

    /**
     * The kept copy, only after its signature verifies again with a key still trusted, and only
     * if it is not older than the newest copy accepted before. Its checked form (read back
     * without parsing) is used only when its authentication over this very body verifies;
     * otherwise the body is read again, and a checked form that did not match is said.
     */
    private Optional<Verified> verifyKept(String url, FeedCache.Entry entry, List<FeedKeys.TrustedKey> keys, List<Text> notes) {
        Optional<FeedKeys.TrustedKey> signer = FeedKeys.verify(entry.body(), entry.signature(), keys);
        if (signer.isEmpty()) {
            notes.add(Text.of("feed.problem.keptSignature"));
            return Optional.empty();
        }
        Optional<FeedState.Seen> seen = state.seen(url);
        FeedCache.Checked checked = cache.checked(url, entry.body(), state.macKey());
        Optional<Verified> verified;
        if (checked instanceof FeedCache.Checked.Used used && used.parsed().signer().equals(signer.get().id())) {
            verified = Optional.of(new Verified(entry, used.parsed().feed(), signer.get(), used.parsed().problems()));
        } else {
            if (checked instanceof FeedCache.Checked.Refused) {
                notes.add(Text.of("feed.problem.keptChecked"));
            }
            verified = parse(entry, signer.get());
        }
        if (verified.isPresent() && seen.isPresent() && verified.get().feed.generated().isBefore(seen.get().generated())) {
            notes.add(Text.of("feed.problem.keptOlder", verified.get().feed.generated().toString(), seen.get().generated().toString()));
            return Optional.empty();
        }
        return verified;
    }

    private Optional<Verified> parse(FeedCache.Entry entry, FeedKeys.TrustedKey signer) {
        FeedReadResult read = parsed.parse(entry.url(), entry.body());
        if (read instanceof FeedReadResult.Accepted accepted) {
            return Optional.of(new Verified(entry, accepted.feed(), signer, accepted.problems()));
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
