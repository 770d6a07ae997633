package org.fedoraproject.preflight.incident;

import java.util.Objects;

/** A link from the feed: {@code rel} is tracker, discussion, update or postmortem; the URL is https. */
public record Link(String rel, String url) {

    public Link {
        Objects.requireNonNull(rel, "rel");
        Objects.requireNonNull(url, "url");
    }
}
