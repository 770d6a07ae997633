package org.fedoraproject.preflight.cli;

import java.time.Duration;
import java.time.Instant;

/** "3 minutes ago", "5 hours ago", "2 days ago": how old data is, in words. */
final class Ages {

    private Ages() {
    }

    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "just now";
        }
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute ago" : " minutes ago");
        }
        long hours = d.toHours();
        if (hours < 48) {
            return hours + (hours == 1 ? " hour ago" : " hours ago");
        }
        long days = d.toDays();
        return days + " days ago";
    }
}
