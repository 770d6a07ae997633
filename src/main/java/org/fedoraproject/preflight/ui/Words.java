package org.fedoraproject.preflight.ui;

import java.time.Instant;
import java.time.LocalDate;
import org.fedoraproject.preflight.text.Messages;

/**
 * The words for values the window shows: verdicts, relations, statuses, severities, ages and
 * dates, all from the resource bundle (keys "verdict.hold", "relation.at-risk", …).
 */
final class Words {

    private final Messages text;

    Words(Messages text) {
        this.text = text;
    }

    Messages text() {
        return text;
    }

    /** The bundle's word for an enum-like id: {@code of("relation", "at-risk")}. */
    String of(String kind, String id) {
        return text.get(kind + "." + id);
    }

    String ago(Instant then, Instant now) {
        return text.ago(then, now);
    }

    String dateTime(Instant at) {
        return text.dateTime(at);
    }

    String date(LocalDate day) {
        return text.date(day);
    }
}
