package org.fedoraproject.preflight.threads;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the log goes and how much of it: stderr (which the session hands to the journal for a
 * user service such as {@code preflight --background}), warnings and errors for the terminal's
 * commands (their output is what the user reads; a log line is for what went wrong unseen), and
 * the background's own work too. {@code PREFLIGHT_LOG} (trace, debug, info, warn, error, off)
 * overrides. Set before the first logger is made: SLF4J's simple provider reads these once.
 */
public final class Logging {

    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private Logging() {
    }

    public static void configure(Map<String, String> env, boolean background) {
        String asked = env.getOrDefault("PREFLIGHT_LOG", "").strip().toLowerCase(Locale.ROOT);
        boolean chosen = LEVELS.contains(asked);
        String level = chosen ? asked : background ? "info" : "warn";
        set("org.slf4j.simpleLogger.defaultLogLevel", level);
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.showThreadName", "false");
        set("org.slf4j.simpleLogger.showShortLogName", "true");
        set("org.slf4j.simpleLogger.levelInBrackets", "true");
        // The libraries speak of their own workings at info (SQLite of its native library, dbus-java
        // of the transport it chose, HttpClient of connections): in the background's journal that
        // is noise, so they say warnings and errors only (SQLite errors only), unless more is asked.
        set("org.slf4j.simpleLogger.log.org.sqlite", chosen ? level : "error");
        set("org.slf4j.simpleLogger.log.org.freedesktop.dbus", chosen ? level : "warn");
        set("org.slf4j.simpleLogger.log.org.apache.hc", chosen ? level : "warn");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
