package org.fedoraproject.preflight.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The fix: its Bodhi updates, when it is expected, and a note in the publisher's words. */
public record Fix(List<String> updates, Optional<LocalDate> expected, String note) {

    public static final Fix NONE = new Fix(List.of(), Optional.empty(), "");

    public Fix {
        updates = List.copyOf(updates);
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(note, "note");
    }
}
