package org.fedoraproject.preflight.adapter.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Problem;

/**
 * The state of one feed after a refresh: the feed in use (fresh, or the last good copy), when
 * the server last confirmed it, whether it came from the cache, whether it is past its
 * {@code expires}, what went wrong this time, and which incidents had to be skipped.
 */
public record FeedStatus(String url, Optional<Feed> feed, Optional<Instant> fetched, boolean fromCache, boolean stale,
                         Optional<Problem> problem, Optional<String> signedBy, List<FeedProblem> problems) {

    public FeedStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(fetched, "fetched");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(signedBy, "signedBy");
        problems = List.copyOf(problems);
    }

    /** What went wrong this time, in English: the feed contract's {@code error}, and logs. */
    public Optional<String> error() {
        return problem.map(p -> Messages.english().render(p.what()));
    }

    /** Nothing from this feed was ever verified, and this time it failed too: a failing feed, not one merely not fetched yet. */
    public boolean failing() {
        return fetched.isEmpty() && problem.isPresent();
    }

    public Optional<Instant> generated() {
        return feed.map(Feed::generated);
    }
}
