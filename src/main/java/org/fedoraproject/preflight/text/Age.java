package org.fedoraproject.preflight.text;

import java.time.Duration;
import java.time.Instant;

/**
 * How old data is, rounded the way people say it: just now, minutes, hours (up to two days),
 * days. Said in words by {@link Messages#ago}.
 */
public record Age(Unit unit, long amount) {

    public enum Unit { NOW, MINUTES, HOURS, DAYS }

    public static Age between(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        long minutes = d.toMinutes();
        if (d.isNegative() || minutes < 1) {
            return new Age(Unit.NOW, 0);
        }
        if (minutes < 60) {
            return new Age(Unit.MINUTES, minutes);
        }
        long hours = d.toHours();
        return hours < 48 ? new Age(Unit.HOURS, hours) : new Age(Unit.DAYS, d.toDays());
    }
}
