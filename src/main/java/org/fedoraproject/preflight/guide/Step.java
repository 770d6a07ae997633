package org.fedoraproject.preflight.guide;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.text.Text;

/**
 * One step of a guide: what to do and why, the command Preflight prepared for it (names and
 * versions checked), lines taken verbatim from the feed (shown as the feed's, never run by
 * Preflight), and what will be checked afterwards.
 */
public record Step(Text title, Text why, List<ShellCommand> commands, List<String> fromFeed, List<Check> checks) {

    public Step {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(why, "why");
        commands = List.copyOf(commands);
        fromFeed = List.copyOf(fromFeed);
        checks = List.copyOf(checks);
    }

    public Optional<ShellCommand> command() {
        return commands.stream().findFirst();
    }
}
