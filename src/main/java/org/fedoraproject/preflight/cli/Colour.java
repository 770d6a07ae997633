package org.fedoraproject.preflight.cli;

import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.assess.Verdict;

/**
 * The verdict's headline in colour, as dnf and other terminal tools show theirs: bold green for
 * safe, yellow for caution, red for hold, bold alone when Preflight could not check. Only on a
 * terminal (never when the output is piped or written to a file), never with {@code NO_COLOR} set
 * (no-color.org) or on a dumb terminal. These few SGR sequences are the only escapes the
 * terminal guard lets through ({@link TerminalSafeWriter}): they change colour and weight, never
 * the cursor, the title or the clipboard.
 */
record Colour(boolean on) {

    static final String RESET = "\u001b[0m";
    static final String BOLD = "\u001b[1m";
    static final String GREEN = "\u001b[1;32m";
    static final String YELLOW = "\u001b[1;33m";
    static final String RED = "\u001b[1;31m";
    /** What the guard passes. */
    static final List<String> SEQUENCES = List.of(RESET, BOLD, GREEN, YELLOW, RED);

    static final Colour OFF = new Colour(false);

    /** {@code terminal}: whether standard output is a terminal. */
    static Colour of(boolean terminal, Map<String, String> env) {
        boolean noColor = !env.getOrDefault("NO_COLOR", "").isEmpty();
        boolean dumb = env.getOrDefault("TERM", "").equals("dumb");
        return new Colour(terminal && !noColor && !dumb);
    }

    /** This process's: a terminal when Java has a console (both ends interactive, not piped). */
    static Colour forThisProcess() {
        return of(System.console() != null, System.getenv());
    }

    String verdict(Verdict verdict, String headline) {
        return on ? (verdict == Verdict.HOLD ? RED : verdict == Verdict.CAUTION ? YELLOW : GREEN) + headline + RESET : headline;
    }

    String couldNot(String headline) {
        return on ? BOLD + headline + RESET : headline;
    }
}
