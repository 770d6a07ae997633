package org.fedoraproject.preflight.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.desk.Desk;
import org.fedoraproject.preflight.desk.DeskIncident;
import org.fedoraproject.preflight.desk.Publisher;

/**
 * What {@code desk publish} costs for a desk of N incidents (default 10,000): each with two
 * packages, a tracker link, three timeline entries and a few paragraphs of Markdown; a tenth
 * open. Prints the output's size and the median of 5 publishes (each lints, writes and signs
 * everything) in a warm JVM, and the heap in use after.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.DeskPublishTiming [-Dbench.args=N]}
 */
public final class DeskPublishTiming {

    private DeskPublishTiming() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("preflight-desk-timing");
        Desk desk = Desk.init(dir.resolve("desk"), new Desk.Settings("Bench SIG", "https://example.org/feed.json",
                "https://example.org/", "key"));
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int k = 0; k < n; k++) {
            Instant at = t.plusSeconds(3600L * k);
            boolean open = k % 10 == 0;
            List<DeskIncident.Event> timeline = List.of(new DeskIncident.Event(at, "investigating", "Reports of crashes."),
                    new DeskIncident.Event(at.plusSeconds(7200), "identified", "Bisected."),
                    new DeskIncident.Event(at.plusSeconds(86_400), open ? "fix-testing" : "resolved", "Fixed build."));
            desk.write(new DeskIncident(String.format("FPS-2024-%05d", k), "Crash in package " + k + " after its update",
                    open ? "fix-testing" : "resolved", k % 3 == 0 ? "major" : "minor", List.of("43"), List.of(), List.of(), at,
                    at.plusSeconds(86_400), open ? Optional.empty() : Optional.of(at.plusSeconds(86_400)),
                    List.of(new DeskIncident.Entry("pkg-" + k, "pkg-" + k, "2.0-1.fc43", "2.1-1.fc43", "1.9-1.fc43"),
                            new DeskIncident.Entry("pkg-" + k + "-libs", "pkg-" + k, "2.0-1.fc43", "2.1-1.fc43", "1.9-1.fc43")),
                    List.of(String.format("FEDORA-2024-%010x", k)), List.of(String.format("FEDORA-2024-%010x", k + n)), "", "",
                    List.of(new DeskIncident.LinkRef("tracker", "https://bugzilla.redhat.com/show_bug.cgi?id=" + (2_000_000 + k))),
                    timeline, "After the update, **pkg-" + k + "** crashes on start.\n\n" + "Users see an error dialog. ".repeat(10),
                    "Downgrade:\n\n```\nsudo dnf5 downgrade pkg-" + k + "\n```", open ? "" : "The build missed a patch."), true);
        }
        var key = FeedKeys.generate().getPrivate();
        List<Long> millis = new ArrayList<>();
        Path out = dir.resolve("out");
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            Publisher.Result r = Publisher.publish(desk, out, key, Instant.parse("2026-12-07T00:00:00Z"));
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (!r.problems().isEmpty()) {
                throw new IllegalStateException(r.problems().get(0));
            }
        }
        long bytes;
        try (Stream<Path> files = Files.walk(out)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("DeskPublishTiming: %,d incidents, %,d files, %,d bytes out; publish %s ms, median %d ms; heap in use %d MB%n", n,
                n + 7, bytes, millis, sorted.get(2), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
