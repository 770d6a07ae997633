package org.fedoraproject.preflight.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * After an incident: how long each stage took — from the bad update reaching stable to the first
 * report, to identified, to a fix in testing and in stable — and which signals came before it
 * (negative karma while in testing, bugs filed before the stable push). Across incidents: the
 * medians and the counts by component and release, the SIG's lessons-learned page.
 */
public record Review(String id, String title, List<String> components, List<String> releases, Optional<Instant> badStable,
                     Instant reported, Optional<Instant> identified, Optional<Instant> fixTesting, Optional<Instant> fixStable,
                     List<String> earlySignals) {

    public Review {
        components = List.copyOf(components);
        releases = List.copyOf(releases);
        earlySignals = List.copyOf(earlySignals);
    }

    /** What Fedora's sources add to the desk's own timeline (all empty when they were not asked). */
    public record Fedora(Optional<Instant> badStable, Optional<Instant> fixTesting, Optional<Instant> fixStable, List<String> signals) {
        public static final Fedora NONE = new Fedora(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** The review of an incident from its timeline, with what Fedora's sources know taken first where it is more exact. */
    public static Review of(DeskIncident i, Fedora fedora) {
        Instant reported = i.timeline().stream().map(DeskIncident.Event::at).min(Instant::compareTo).orElse(i.published());
        Optional<Instant> identified = reached(i, List.of("identified", "fix-testing", "resolved"));
        Optional<Instant> testing = fedora.fixTesting().or(() -> reached(i, List.of("fix-testing", "resolved")));
        Optional<Instant> stable = fedora.fixStable().or(() -> i.resolved());
        List<String> components = i.affected().stream().map(e -> e.source().isEmpty() ? e.name() : e.source()).distinct().toList();
        return new Review(i.id(), i.title(), components, i.releases(), fedora.badStable(), reported, identified, testing, stable,
                fedora.signals());
    }

    /** The first time the timeline reached one of these statuses. */
    private static Optional<Instant> reached(DeskIncident i, List<String> statuses) {
        return i.timeline().stream().filter(e -> statuses.contains(e.status())).map(DeskIncident.Event::at).min(Instant::compareTo);
    }

    public Optional<Duration> stableToReport() {
        return badStable.map(t -> Duration.between(t, reported));
    }

    public Optional<Duration> reportToIdentified() {
        return identified.map(t -> Duration.between(reported, t));
    }

    public Optional<Duration> reportToFixTesting() {
        return fixTesting.map(t -> Duration.between(reported, t));
    }

    public Optional<Duration> reportToFixStable() {
        return fixStable.map(t -> Duration.between(reported, t));
    }

    /** Across incidents: how many, the medians of each stage, and the counts by component and by release. */
    public record Lessons(int incidents, Optional<Duration> stableToReport, Optional<Duration> reportToIdentified,
                          Optional<Duration> reportToFixTesting, Optional<Duration> reportToFixStable, int withEarlySignals,
                          Map<String, Integer> byComponent, Map<String, Integer> byRelease) {
    }

    public static Lessons lessons(List<Review> reviews) {
        Map<String, Integer> byComponent = new TreeMap<>();
        Map<String, Integer> byRelease = new TreeMap<>();
        for (Review r : reviews) {
            r.components().forEach(c -> byComponent.merge(c, 1, Integer::sum));
            r.releases().forEach(c -> byRelease.merge(c, 1, Integer::sum));
        }
        return new Lessons(reviews.size(), median(reviews, Review::stableToReport), median(reviews, Review::reportToIdentified),
                median(reviews, Review::reportToFixTesting), median(reviews, Review::reportToFixStable),
                (int) reviews.stream().filter(r -> !r.earlySignals().isEmpty()).count(), byComponent, byRelease);
    }

    /** The median of the stages that are known (the lower middle one of an even count: a stage, not an average of two). */
    static Optional<Duration> median(List<Review> reviews, Function<Review, Optional<Duration>> stage) {
        List<Duration> known = new ArrayList<>(reviews.stream().map(stage).flatMap(Optional::stream).toList());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        known.sort(Duration::compareTo);
        return Optional.of(known.get((known.size() - 1) / 2));
    }

    /** A duration as people say it: "3 d 4 h", "5 h 10 min", "12 min"; negative ones (a report before stable) with a minus. */
    public static String words(Duration d) {
        String sign = d.isNegative() ? "−" : "";
        Duration a = d.abs();
        if (a.toDays() > 0) {
            return sign + a.toDays() + " d " + a.toHoursPart() + " h";
        }
        if (a.toHours() > 0) {
            return sign + a.toHours() + " h " + a.toMinutesPart() + " min";
        }
        return sign + a.toMinutes() + " min";
    }
}
