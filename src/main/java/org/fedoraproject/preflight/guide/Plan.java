package org.fedoraproject.preflight.guide;

import java.util.List;
import java.util.Objects;
import org.fedoraproject.preflight.text.Text;

/**
 * The way out of one incident on this system: the steps in order, notes (what cannot be had, and
 * why), and {@code fromLabel}, what the lines a step quotes are from (the incident feed, or the
 * Common Issues topic of a derived incident).
 */
public record Plan(String incidentId, String title, String relation, String manager, List<Step> steps, List<Text> notes,
                   Text fromLabel) {

    public Plan {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(manager, "manager");
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        Objects.requireNonNull(fromLabel, "fromLabel");
    }
}
