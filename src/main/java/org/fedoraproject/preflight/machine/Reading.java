package org.fedoraproject.preflight.machine;

import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.text.Problem;

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

    /** {@code source} names what was read ("/etc/os-release", "dnf5 check-upgrade"); {@code reason} says what went wrong. */
    record Unavailable<T>(String source, String reason) implements Reading<T> {
        public Unavailable {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        public String message() {
            return source + ": " + reason;
        }

        /** The same, as every failure is shown: the reader's reason is its own English still. */
        public Problem problem() {
            return Problem.untranslated(source, reason);
        }
    }

    static <T> Reading<T> of(T value) {
        return new Available<>(value);
    }

    static <T> Reading<T> unavailable(String source, String reason) {
        return new Unavailable<>(source, reason);
    }

    default Optional<T> get() {
        return this instanceof Available<T> available ? Optional.of(available.value()) : Optional.empty();
    }
}
