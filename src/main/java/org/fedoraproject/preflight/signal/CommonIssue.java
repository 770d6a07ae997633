package org.fedoraproject.preflight.signal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An open topic in Fedora's Common Issues category for this release. */
public record CommonIssue(long id, String title, String url, Instant created, List<String> tags) {

    public CommonIssue {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(created, "created");
        tags = List.copyOf(tags);
    }
}
