package org.fedoraproject.preflight.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Bodhi update as Preflight uses it: its status (testing, stable, unpushed, obsolete, or a
 * status Bodhi adds later, kept as given), karma, the negative feedback, linked bugs, severity,
 * whether it suggests a reboot, since when it has been in testing, and its builds (NVRs, with
 * the epoch of each that Bodhi gives: Bugzilla's "Fixed In" names a build without it), and when
 * it was submitted (its bugs filed while it was in testing count against it), and the karma at
 * which Bodhi withdraws it ({@code unstable_karma}, -3 unless the packager set another), and
 * for the SIG desk the release it is for (Bodhi's name, "F43") and when it reached stable.
 */
public record BodhiUpdate(String alias, String status, int karma, List<Comment> negative, List<Bug> bugs, String severity,
                          boolean rebootSuggested, Optional<Instant> testingSince, List<String> builds, String url,
                          Map<String, Long> buildEpochs, Optional<Instant> submitted, int unstableKarma, String release,
                          Optional<Instant> stable) {

    /** A comment with negative karma. */
    public record Comment(String author, Instant at, String text, int karma) {
    }

    /** A bug the update links. */
    public record Bug(long id, String title) {
    }

    public BodhiUpdate {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(status, "status");
        negative = List.copyOf(negative);
        bugs = List.copyOf(bugs);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(testingSince, "testingSince");
        builds = List.copyOf(builds);
        Objects.requireNonNull(url, "url");
        buildEpochs = Map.copyOf(buildEpochs);
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(stable, "stable");
    }

    /** An update whose release and stable date are not known. */
    public BodhiUpdate(String alias, String status, int karma, List<Comment> negative, List<Bug> bugs, String severity,
                       boolean rebootSuggested, Optional<Instant> testingSince, List<String> builds, String url,
                       Map<String, Long> buildEpochs, Optional<Instant> submitted, int unstableKarma) {
        this(alias, status, karma, negative, bugs, severity, rebootSuggested, testingSince, builds, url, buildEpochs, submitted,
                unstableKarma, "", Optional.empty());
    }

    /** The release's number from Bodhi's name ("F43" is 43); empty for EPEL, ELN or a name it does not know. */
    public Optional<String> fedoraRelease() {
        return release.matches("F[0-9]{1,3}") ? Optional.of(release.substring(1)) : Optional.empty();
    }

    /** An update whose builds' epochs are not known. */
    public BodhiUpdate(String alias, String status, int karma, List<Comment> negative, List<Bug> bugs, String severity,
                       boolean rebootSuggested, Optional<Instant> testingSince, List<String> builds, String url) {
        this(alias, status, karma, negative, bugs, severity, rebootSuggested, testingSince, builds, url, Map.of(), Optional.empty(),
                DEFAULT_UNSTABLE_KARMA);
    }

    /** How many negative comments and bugs are shown: a few and a count, whatever a server sends. */
    public static final int SHOWN = 3;

    /** The first few negative comments, for a person to read (the count is {@code negative().size()}). */
    public List<Comment> shownNegative() {
        return negative.subList(0, Math.min(SHOWN, negative.size()));
    }

    /** The first few linked bugs. */
    public List<Bug> shownBugs() {
        return bugs.subList(0, Math.min(SHOWN, bugs.size()));
    }

    /** Bodhi's default {@code unstable_karma}: at this karma it takes an update in testing back. */
    public static final int DEFAULT_UNSTABLE_KARMA = -3;

    /**
     * Karma at or below the update's unstable threshold: where Bodhi itself withdraws an update
     * from testing. A stable update gets there only when several testers report it broken.
     */
    public boolean unstable() {
        return unstableKarma < 0 && karma <= unstableKarma;
    }

    /** Negative karma or unpushed: a reason for caution (never, alone, for a hold). */
    public boolean warns() {
        return karma < 0 || status.equals("unpushed") || !negative.isEmpty();
    }

    public long daysInTesting(Instant now) {
        return testingSince.map(t -> Duration.between(t, now).toDays()).orElse(0L);
    }
}
