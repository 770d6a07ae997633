package org.fedoraproject.preflight.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.feed.FeedReadResult;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.incident.Incident;

/**
 * Is an incident file ready to publish? Its gaps (what a draft could not learn), what is wrong
 * in the file itself, and what Preflight's own feed reader would refuse in the incident it
 * makes, each named by the file's line: the publisher's lint is the users' parser.
 */
public final class Lint {

    /** A file's verdict: the incident as users will read it, when nothing is wrong. */
    public record Result(Optional<DeskIncident> incident, Optional<Incident> parsed, List<IncidentFile.Problem> problems) {
        public boolean clean() {
            return problems.isEmpty() && parsed.isPresent();
        }
    }

    private Lint() {
    }

    public static Result check(String text, String expectedId) {
        List<IncidentFile.Problem> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        Set<Integer> gaps = new HashSet<>();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains(DeskIncident.GAP)) {
                problems.add(new IncidentFile.Problem(k + 1, "a gap the draft left: " + lines.get(k).strip()));
                gaps.add(k + 1);
            }
        }
        IncidentFile.Read read = IncidentFile.read(text);
        problems.addAll(read.problems());
        if (read.incident().isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), problems);
        }
        DeskIncident incident = read.incident().get();
        if (!incident.id().equals(expectedId)) {
            problems.add(new IncidentFile.Problem(read.lineOf("id"), "the id \"" + incident.id() + "\" is not the file's name"));
        }
        if (incident.summary().isBlank()) {
            problems.add(new IncidentFile.Problem(0, "the Summary section is empty"));
        }
        if (incident.affected().isEmpty()) {
            problems.add(new IncidentFile.Problem(0, "no [[affected]] package"));
        }
        Instant far = Instant.parse("9999-01-01T00:00:00Z");
        FeedReadResult parsed = FeedParser.parse(FeedOut.feed("desk", Instant.EPOCH, far, List.of(incident)));
        Optional<Incident> accepted = Optional.empty();
        if (parsed instanceof FeedReadResult.Accepted a) {
            for (FeedProblem p : a.problems()) {
                if (p.message().equals("incident skipped")) {
                    continue;
                }
                String field = field(p.path());
                // A gap is said once, as a gap: not again as the wrong value it is meanwhile.
                if (!gaps.contains(read.lineOf(field))) {
                    problems.add(new IncidentFile.Problem(read.lineOf(field), field + ": " + p.message()));
                }
            }
            accepted = a.feed().incidents().stream().findFirst();
        } else {
            problems.add(new IncidentFile.Problem(1, String.valueOf(parsed)));
        }
        return new Result(Optional.of(incident), accepted, problems);
    }

    /** The file's name for a feed path: $.incidents[0].fix.expected is fix_expected, affected[1].fixed stays. */
    static String field(String path) {
        String f = path.replaceFirst("^\\$\\.incidents\\[\\d+\\]\\.?", "");
        if (f.startsWith("fix.")) {
            return "fix_" + f.substring(4);
        }
        return f;
    }
}
