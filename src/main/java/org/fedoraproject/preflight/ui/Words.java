package org.fedoraproject.preflight.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.fedoraproject.preflight.app.Age;

/**
 * The words for values the window shows: verdicts, relations, statuses, severities, ages and
 * dates, all from the resource bundle (keys "verdict.hold", "relation.at-risk", …).
 */
final class Words {

    private final Messages text;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    Words(Messages text, ZoneId zone) {
        this.text = text;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    }

    Messages text() {
        return text;
    }

    /** The bundle's word for an enum-like id: {@code of("relation", "at-risk")}. */
    String of(String kind, String id) {
        return text.get(kind + "." + id);
    }

    String ago(Instant then, Instant now) {
        Age age = Age.between(then, now);
        return text.get("age." + age.unit().name().toLowerCase(java.util.Locale.ROOT), age.amount());
    }

    String dateTime(Instant at) {
        return dateTime.format(at);
    }

    String date(LocalDate day) {
        return date.format(day);
    }
}
