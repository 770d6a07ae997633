package org.fedoraproject.preflight.adapter.feed;

import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.incident.FeedProblem;

/**
 * What reading a feed's text gave: the feed, with the incidents that had to be skipped named in
 * {@code problems}; or, when the feed as a whole cannot be used, the reasons.
 */
public sealed interface FeedReadResult {

    List<FeedProblem> problems();

    record Accepted(Feed feed, List<FeedProblem> problems) implements FeedReadResult {
        public Accepted {
            Objects.requireNonNull(feed, "feed");
            problems = List.copyOf(problems);
        }
    }

    record Refused(List<FeedProblem> problems) implements FeedReadResult {
        public Refused {
            problems = List.copyOf(problems);
        }

        public String reason() {
            return problems.isEmpty() ? "refused" : problems.get(0).toString();
        }
    }
}
