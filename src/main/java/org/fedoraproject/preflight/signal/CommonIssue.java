package org.fedoraproject.preflight.signal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An open topic in Fedora's Common Issues category for this release: {@code solved} when it has
 * an accepted answer (Discourse's solved plugin), {@code lastPosted} when someone last wrote in it,
 * and its first post in markdown once it has been read.
 */
public record CommonIssue(long id, String title, String url, Instant created, List<String> tags, boolean solved,
                          Instant lastPosted, Optional<String> firstPost) {

    public CommonIssue {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(created, "created");
        tags = List.copyOf(tags);
        Objects.requireNonNull(lastPosted, "lastPosted");
        Objects.requireNonNull(firstPost, "firstPost");
    }

    /** A topic as the list gives it: not solved, first post not read. */
    public CommonIssue(long id, String title, String url, Instant created, List<String> tags) {
        this(id, title, url, created, tags, false, created, Optional.empty());
    }

    public CommonIssue withFirstPost(String markdown) {
        return new CommonIssue(id, title, url, created, tags, solved, lastPosted, Optional.of(markdown));
    }
}
