package org.fedoraproject.preflight.text;

import java.util.Objects;

/**
 * What went wrong, and where: the source that failed (a tool, a file, a server: "Bodhi",
 * "/etc/os-release", "dnf5 check-upgrade") and what happened, said as {@link Text} so that a
 * person reads it in their language. One shape for every failure a front end shows.
 */
public record Problem(String source, Text what) {

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(what, "what");
    }

    /** A tool's or a reader's own English, not translated yet. */
    public static Problem untranslated(String source, String english) {
        return new Problem(source, Text.untranslated(english));
    }

    /** In English, for what is written for scripts and logs (JSON, the SIG desk's output). */
    public String english() {
        return Messages.english().render(said());
    }

    /** "Bodhi: cannot connect to bodhi.fedoraproject.org (Connection refused)". */
    public Text said() {
        return Text.of("problem", source, what);
    }
}
