package org.fedoraproject.preflight.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.desk.Review;

/** {@code desk review}'s text and JSON. */
final class ReviewOutput {

    private ReviewOutput() {
    }

    static String text(List<Review> reviews) {
        StringBuilder out = new StringBuilder();
        for (Review r : reviews) {
            out.append(r.id()).append("  ").append(r.title()).append('\n');
            out.append("  ").append(String.join(", ", r.components())).append(" · Fedora ").append(String.join(", ", r.releases()))
                    .append('\n');
            out.append("  bad update stable → first report:  ").append(words(r.stableToReport())).append('\n');
            out.append("  first report → identified:         ").append(words(r.reportToIdentified())).append('\n');
            out.append("  first report → fix in testing:     ").append(words(r.reportToFixTesting())).append('\n');
            out.append("  first report → fix in stable:      ").append(words(r.reportToFixStable())).append('\n');
            if (r.earlySignals().isEmpty()) {
                out.append("  nothing warned before the stable push (as far as Bodhi and Bugzilla tell)\n");
            } else {
                out.append("  before the stable push:\n");
                r.earlySignals().forEach(s -> out.append("    ").append(s).append('\n'));
            }
            out.append('\n');
        }
        Review.Lessons l = Review.lessons(reviews);
        out.append("Across ").append(l.incidents()).append(l.incidents() == 1 ? " incident" : " incidents").append(" (medians):\n");
        out.append("  bad update stable → first report:  ").append(words(l.stableToReport())).append('\n');
        out.append("  first report → identified:         ").append(words(l.reportToIdentified())).append('\n');
        out.append("  first report → fix in testing:     ").append(words(l.reportToFixTesting())).append('\n');
        out.append("  first report → fix in stable:      ").append(words(l.reportToFixStable())).append('\n');
        out.append("  warned before the stable push:     ").append(l.withEarlySignals()).append(" of ").append(l.incidents()).append('\n');
        out.append("  by component: ").append(counts(l.byComponent())).append('\n');
        out.append("  by release:   ").append(counts(l.byRelease())).append('\n');
        return out.toString();
    }

    static String json(List<Review> reviews) {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject().name("incidents").beginArray();
            for (Review r : reviews) {
                w.beginObject().name("id").value(r.id()).name("title").value(r.title());
                JsonFields.strings(w, "components", r.components());
                JsonFields.strings(w, "releases", r.releases());
                time(w, "bad_update_stable", r.badStable());
                time(w, "reported", Optional.of(r.reported()));
                time(w, "identified", r.identified());
                time(w, "fix_testing", r.fixTesting());
                time(w, "fix_stable", r.fixStable());
                seconds(w, "stable_to_report_seconds", r.stableToReport());
                seconds(w, "report_to_identified_seconds", r.reportToIdentified());
                seconds(w, "report_to_fix_testing_seconds", r.reportToFixTesting());
                seconds(w, "report_to_fix_stable_seconds", r.reportToFixStable());
                JsonFields.strings(w, "early_signals", r.earlySignals());
                w.endObject();
            }
            w.endArray();
            Review.Lessons l = Review.lessons(reviews);
            w.name("medians").beginObject();
            seconds(w, "stable_to_report_seconds", l.stableToReport());
            seconds(w, "report_to_identified_seconds", l.reportToIdentified());
            seconds(w, "report_to_fix_testing_seconds", l.reportToFixTesting());
            seconds(w, "report_to_fix_stable_seconds", l.reportToFixStable());
            w.endObject();
            w.name("with_early_signals").value(l.withEarlySignals());
            counts(w, "by_component", l.byComponent());
            counts(w, "by_release", l.byRelease());
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static String words(Optional<Duration> d) {
        return d.map(Review::words).orElse("—");
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.isEmpty() ? "—" : String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }


    private static void time(JsonWriter w, String name, Optional<Instant> t) throws IOException {
        w.name(name);
        if (t.isPresent()) {
            w.value(t.get().toString());
        } else {
            w.nullValue();
        }
    }

    private static void seconds(JsonWriter w, String name, Optional<Duration> d) throws IOException {
        w.name(name);
        if (d.isPresent()) {
            w.value(d.get().toSeconds());
        } else {
            w.nullValue();
        }
    }

    private static void counts(JsonWriter w, String name, Map<String, Integer> counts) throws IOException {
        w.name(name).beginObject();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
    }
}
