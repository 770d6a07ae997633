package org.fedoraproject.preflight.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.text.Text;

/**
 * A desktop notification worth sending: what changed, in a summary and a body, how urgent it is
 * (0 low, 1 normal, 2 critical, as the freedesktop specification counts), and the incident
 * "Show details" opens. {@code key} names the state it announces; the same key is never
 * announced twice while that state lasts.
 */
public record Notice(String key, Text summary, List<Text> body, int urgency, Optional<String> incident) {

    public static final int LOW = 0;
    public static final int NORMAL = 1;
    public static final int CRITICAL = 2;

    public Notice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(summary, "summary");
        body = List.copyOf(body);
        Objects.requireNonNull(incident, "incident");
        if (urgency < LOW || urgency > CRITICAL) {
            throw new IllegalArgumentException("urgency " + urgency);
        }
    }
}
