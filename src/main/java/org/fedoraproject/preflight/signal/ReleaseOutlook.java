package org.fedoraproject.preflight.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether this release still gets fixes, and whether a newer stable one exists: the end of
 * support from os-release's SUPPORT_END, else Bodhi's eol date; the newest stable release from
 * Bodhi. Past the end there are no more fixes, security fixes included — the most important
 * thing to tell the user; within 30 days of it, it is said too.
 */
public record ReleaseOutlook(String version, Optional<LocalDate> supportEnd, long daysLeft, Optional<String> newestStable) {

    public static final int NEAR_DAYS = 30;

    public static Optional<ReleaseOutlook> of(String version, Optional<LocalDate> fromOsRelease, List<Release> releases,
                                              LocalDate today) {
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> fromBodhi = releases.stream().filter(r -> r.version().equals(version)).findFirst()
                .flatMap(Release::eol);
        Optional<LocalDate> end = fromOsRelease.isPresent() ? fromOsRelease : fromBodhi;
        int mine = number(version);
        Optional<String> newest = releases.stream().filter(Release::stable).filter(r -> r.number() > mine)
                .max(Comparator.comparingInt(Release::number)).map(Release::version);
        long days = end.map(e -> ChronoUnit.DAYS.between(today, e)).orElse(Long.MAX_VALUE);
        return Optional.of(new ReleaseOutlook(version, end, days, newest));
    }

    private static int number(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Past its end of support: no more fixes. */
    public boolean pastEnd() {
        return supportEnd.isPresent() && daysLeft < 0;
    }

    public boolean nearEnd() {
        return supportEnd.isPresent() && daysLeft >= 0 && daysLeft <= NEAR_DAYS;
    }
}
