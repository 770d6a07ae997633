package org.fedoraproject.preflight.incident;

import java.util.Objects;
import java.util.Set;

/** A link from the feed: {@code rel} is one of {@link #RELS}; the URL is https. */
public record Link(String rel, String url) {

    /** The kinds of link feed format 1 knows. */
    public static final Set<String> RELS = Set.of("tracker", "discussion", "update", "postmortem", "announcement", "other");

    public Link {
        Objects.requireNonNull(rel, "rel");
        Objects.requireNonNull(url, "url");
    }
}
