package org.fedoraproject.preflight.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The levels the log is set up with (system properties SLF4J's simple provider reads once). */
class LoggingTest {

    private static final List<String> KEYS = List.of("org.slf4j.simpleLogger.defaultLogLevel", "org.slf4j.simpleLogger.logFile",
            "org.slf4j.simpleLogger.log.org.sqlite", "org.slf4j.simpleLogger.log.org.freedesktop.dbus",
            "org.slf4j.simpleLogger.log.org.apache.hc");
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clear() {
        KEYS.forEach(k -> {
            saved.put(k, System.getProperty(k));
            System.clearProperty(k);
        });
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static String level(String key) {
        return System.getProperty("org.slf4j.simpleLogger." + key);
    }

    @Test
    void commandsSayWarningsTheBackgroundItsWorkTheLibrariesLess() {
        Logging.configure(Map.of(), false);
        assertEquals("warn", level("defaultLogLevel"));
        assertEquals("System.err", level("logFile"));
        assertEquals("error", level("log.org.sqlite"));
        clear();
        Logging.configure(Map.of(), true);
        assertEquals("info", level("defaultLogLevel"));
        assertEquals("warn", level("log.org.freedesktop.dbus"), "dbus-java's transport chatter is not the background's work");
        assertEquals("warn", level("log.org.apache.hc"));
    }

    @Test
    void preflightLogChoosesForAllAndNonsenseIsIgnored() {
        Logging.configure(Map.of("PREFLIGHT_LOG", " DEBUG "), true);
        assertEquals("debug", level("defaultLogLevel"));
        assertEquals("debug", level("log.org.sqlite"));
        clear();
        Logging.configure(Map.of("PREFLIGHT_LOG", "loud"), false);
        assertEquals("warn", level("defaultLogLevel"));
    }
}
