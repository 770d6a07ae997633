package org.fedoraproject.preflight.cli;

import java.time.Instant;
import org.fedoraproject.preflight.app.Age;

/** "3 minutes ago", "5 hours ago", "2 days ago": how old data is, in words. */
final class Ages {

    private Ages() {
    }

    static String ago(Instant then, Instant now) {
        Age age = Age.between(then, now);
        long n = age.amount();
        return switch (age.unit()) {
            case NOW -> "just now";
            case MINUTES -> n + (n == 1 ? " minute ago" : " minutes ago");
            case HOURS -> n + (n == 1 ? " hour ago" : " hours ago");
            case DAYS -> n + " days ago";
        };
    }
}
