package org.fedoraproject.preflight.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One incident as the SIG keeps it on the desk: the fields of feed format 1 as written in the
 * file (strings, so that a gap or a mistake is kept and named, not lost in parsing), and the
 * Markdown of its summary, workaround and post-mortem.
 */
public record DeskIncident(String id, String title, String status, String severity, List<String> releases,
                           List<String> variants, List<String> arches, Instant published, Instant modified,
                           Optional<Instant> resolved, List<Entry> affected, List<String> badUpdates, List<String> fixUpdates,
                           String fixExpected, String fixNote, List<LinkRef> links, List<Event> timeline,
                           String summary, String workaround, String postmortem) {

    /** The marker of what a draft could not learn from Fedora's data; publish refuses a file that has one. */
    public static final String GAP = "TODO(desk)";

    /** A package: {@code name} shown first, {@code source} the source package it stands for ("" for none). */
    public record Entry(String name, String source, String introduced, String fixed, String lastGood) {
    }

    /** A link: its kind (feed format 1's rels) and its URL. */
    public record LinkRef(String rel, String url) {
    }

    /** A line of the timeline: when, the status it set ("" when it set none), and what happened. */
    public record Event(Instant at, String status, String text) {
    }

    public DeskIncident {
        releases = List.copyOf(releases);
        variants = List.copyOf(variants);
        arches = List.copyOf(arches);
        affected = List.copyOf(affected);
        badUpdates = List.copyOf(badUpdates);
        fixUpdates = List.copyOf(fixUpdates);
        links = List.copyOf(links);
        timeline = List.copyOf(timeline);
    }

    public boolean open() {
        return !status.equals("resolved");
    }
}
