package org.fedoraproject.preflight.desk.site;

import java.util.List;

/**
 * One incident as the status site shows it: plain values for the templates, which escape every
 * one of them; the three Markdown sections already HTML, made by commonmark with raw HTML escaped.
 */
public record SiteIncident(String id, String href, String title, String status, String statusLabel, String severity,
                           String releases, List<String> packages, String fixExpected, boolean overdue, String updated,
                           String summaryHtml, String workaroundHtml, String postmortemHtml, List<Command> goBack,
                           List<Event> timeline, List<Link> links) {

    /** A command to go back, for one package manager. */
    public record Command(String manager, String line) {
    }

    /** A timeline line, newest first. */
    public record Event(String at, String status, String text) {
    }

    /** A link with its label. */
    public record Link(String label, String url) {
    }

    public SiteIncident {
        packages = List.copyOf(packages);
        goBack = List.copyOf(goBack);
        timeline = List.copyOf(timeline);
        links = List.copyOf(links);
    }
}
