package org.fedoraproject.preflight.desk.site;

/** One status change as an Atom entry. */
public record AtomEntry(String id, String title, String updated, String link, String text) {
}
