package org.fedoraproject.preflight.machine;

import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.text.Problem;
import org.fedoraproject.preflight.text.Text;

/**
 * One part of what Preflight read from the machine or the network: the value, or the reason it
 * could not be read, naming the source. Failures are values, so a missing database or a failing
 * command becomes a message for the user instead of a crash or a silently empty list.
 */
public sealed interface Reading<T> {

    record Available<T>(T value) implements Reading<T> {
        public Available {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code source} names what was read ("/etc/os-release", "dnf5 check-upgrade"); {@code reason}
     * says what went wrong, in the user's words where Preflight says it, as the tool's own where
     * the tool said it ({@link Text#untranslated}).
     */
    record Unavailable<T>(String source, Text reason) implements Reading<T> {
        public Unavailable {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        /** In English, for logs and what scripts read. */
        public String message() {
            return problem().english();
        }

        public Problem problem() {
            return new Problem(source, reason);
        }
    }

    static <T> Reading<T> of(T value) {
        return new Available<>(value);
    }

    /** A failure in a tool's or an exception's own words. */
    static <T> Reading<T> unavailable(String source, String reason) {
        return new Unavailable<>(source, Text.untranslated(reason));
    }

    static <T> Reading<T> unavailable(String source, Text reason) {
        return new Unavailable<>(source, reason);
    }

    default Optional<T> get() {
        return this instanceof Available<T> available ? Optional.of(available.value()) : Optional.empty();
    }
}
