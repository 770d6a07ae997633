package org.fedoraproject.preflight.adapter.system;

import java.util.List;
import org.fedoraproject.preflight.incident.SafeText;

/** What a finished command printed and how it exited. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    /** The last non-blank line of stderr, which is where dnf and rpm say what went wrong. */
    public String errorLine() {
        String[] lines = stderr.strip().split("\n");
        for (int k = lines.length - 1; k >= 0; k--) {
            if (!lines[k].isBlank()) {
                return SafeText.line(lines[k].strip());
            }
        }
        return "exit status " + exitCode;
    }
}
