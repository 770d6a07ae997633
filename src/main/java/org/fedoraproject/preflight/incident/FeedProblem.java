package org.fedoraproject.preflight.incident;

import java.util.Objects;

/** Something wrong in a feed, at a JSON path such as {@code $.incidents[3].affected[0].fixed}. */
public record FeedProblem(String path, String message) {

    public FeedProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
