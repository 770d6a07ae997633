package org.fedoraproject.preflight.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether this release still gets fixes, and whether a newer stable one exists: the end of
 * support from os-release's SUPPORT_END, else Bodhi's eol date; the newest stable release from
 * Bodhi. Past the end there are no more fixes, security fixes included — the most important
 * thing to tell the user; within 30 days of it, it is said too.
 */
public record ReleaseOutlook(String version, Optional<LocalDate> supportEnd, long daysLeft, Optional<String> newestStable,
                             List<String> ignored) {

    public static final int NEAR_DAYS = 30;
    /** Fedora Core 1 came out on 2003-11-06: no release of Fedora ended before it. */
    static final LocalDate FEDORA_BEGAN = LocalDate.of(2003, 11, 6);

    public ReleaseOutlook {
        ignored = List.copyOf(ignored);
    }

    /** A release's end that could be true: not before Fedora existed, not centuries ahead. */
    static boolean plausible(LocalDate end) {
        return !end.isBefore(FEDORA_BEGAN) && end.getYear() < 2100;
    }

    public static Optional<ReleaseOutlook> of(String version, Optional<LocalDate> fromOsRelease, List<Release> releases,
                                              LocalDate today) {
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> bodhiSays = releases.stream().filter(r -> r.version().equals(version)).findFirst()
                .flatMap(Release::eol);
        // Believe nothing absurd: an end before Fedora existed ("0001-01-01" on a current release) is ignored, and said.
        List<String> ignored = new ArrayList<>();
        fromOsRelease.filter(d -> !plausible(d)).ifPresent(d -> ignored.add("os-release's SUPPORT_END " + d + " is not a plausible date"));
        bodhiSays.filter(d -> !plausible(d)).ifPresent(d -> ignored.add("Bodhi's end of life " + d + " for Fedora " + version
                + " is not a plausible date"));
        Optional<LocalDate> fromBodhi = bodhiSays.filter(ReleaseOutlook::plausible);
        Optional<LocalDate> end = fromOsRelease.filter(ReleaseOutlook::plausible).isPresent()
                ? fromOsRelease.filter(ReleaseOutlook::plausible) : fromBodhi;
        int mine = number(version);
        Optional<String> newest = releases.stream().filter(Release::stable).filter(r -> r.number() > mine)
                .max(Comparator.comparingInt(Release::number)).map(Release::version);
        long days = end.map(e -> ChronoUnit.DAYS.between(today, e)).orElse(Long.MAX_VALUE);
        return Optional.of(new ReleaseOutlook(version, end, days, newest, ignored));
    }

    private static int number(String version) {
        return version.matches("[0-9]{1,4}") ? Integer.parseInt(version) : Integer.MAX_VALUE;
    }

    /** Past its end of support: no more fixes. */
    public boolean pastEnd() {
        return supportEnd.isPresent() && daysLeft < 0;
    }

    public boolean nearEnd() {
        return supportEnd.isPresent() && daysLeft >= 0 && daysLeft <= NEAR_DAYS;
    }
}
