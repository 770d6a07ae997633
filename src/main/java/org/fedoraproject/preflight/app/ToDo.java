package org.fedoraproject.preflight.app;

import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.text.Text;

/**
 * One thing to do after a check, as every front end lists it: what it is ({@link Kind}, which
 * also orders the list), the sentence that says it, the same in a few words (a notification's
 * line), the exact command that does it when there
 * is one (shown and copied, never run), and the incident it concerns, whose details or guide a
 * front end may offer beside it.
 */
public record ToDo(Kind kind, Text text, Text brief, Optional<String> command, Optional<String> incident) {

    /** The dash the sentences put between an incident's id and its title; a terminal that cannot show it writes "-". */
    public static final String DASH = "\u2014";

    /** In the order that matters: what happens at the next restart happens whatever else is done. */
    public enum Kind {
        RESTART, HOLD, HELD, AFFECTED, FIX, TAKE_CARE, REPORTED, NOT_IN_USE, REST;

        /** Whether it says what not to install (a hold, one the user has set), or what to cancel before it installs. */
        public boolean holdsBack() {
            return this == RESTART || this == HOLD || this == HELD;
        }
    }

    public ToDo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(incident, "incident");
    }
}
