package org.fedoraproject.preflight.adapter.fedora;

/**
 * A source answered, in its own form, that it could not do what was asked (Bugzilla's
 * {@code {"error": true, "message": …}}): its words, cleaned and cut to a line, are worth
 * showing, unlike a parser's message.
 */
public final class SourceSaid extends RuntimeException {

    public SourceSaid(String words) {
        super(words.length() > 200 ? words.substring(0, 199) + "…" : words);
    }
}
