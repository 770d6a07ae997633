package org.fedoraproject.preflight.incident;

import java.util.Objects;
import org.fedoraproject.preflight.text.Text;

/**
 * What a derived incident rests on, or what Fedora's own sources add to a curated one: a bug, a
 * Bodhi update, a Common Issues topic. {@code kind} is bugzilla, bodhi, advisory or common-issues;
 * {@code url} is https (or empty).
 */
public record Evidence(String kind, Text label, String url) {

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
    }
}
