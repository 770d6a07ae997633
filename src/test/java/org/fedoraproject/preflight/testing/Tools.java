package org.fedoraproject.preflight.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real programs a test needs (rpm, dnf, an X display). On a developer's machine a missing one
 * skips the test; with {@code -Dpreflight.requireTools=true}, as .ci/run sets it, a missing one
 * fails the test, so CI never passes by skipping.
 */
public final class Tools {

    private Tools() {
    }

    public static boolean required() {
        return Boolean.getBoolean("preflight.requireTools");
    }

    /** The program's path, or the test is skipped (failed under preflight.requireTools). */
    public static Path require(String program) {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            missing(program + " is not on PATH");
        }
        return found.orElseThrow();
    }

    public static void requireDisplay() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            missing("no X display (DISPLAY is not set; run the tests under xvfb-run)");
        }
    }

    public static void missing(String what) {
        if (required()) {
            Assertions.fail(what + ", and preflight.requireTools=true requires it");
        }
        Assumptions.abort(what);
    }

    public static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Where tests leave files for people to look at (screenshots, benchmark inputs). */
    public static Path artifacts() {
        Path dir = Path.of(System.getProperty("preflight.artifacts", "target/test-artifacts"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
