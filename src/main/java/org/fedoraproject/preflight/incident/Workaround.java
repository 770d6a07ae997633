package org.fedoraproject.preflight.incident;

import java.util.List;
import java.util.Objects;

/**
 * A workaround from the feed. Its steps and commands are shown to the user as the feed wrote
 * them, marked as coming from the feed, and never executed by Preflight.
 */
public record Workaround(String title, List<String> steps, List<String> commands, List<String> revert) {

    public Workaround {
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
        commands = List.copyOf(commands);
        revert = List.copyOf(revert);
    }
}
