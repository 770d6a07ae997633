package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;

/**
 * A private directory (mode 700) for the files dnf writes while it only answers a question (its
 * log, and dnf4's history database, which it opens for every command): so that nothing is
 * written into the system inspected (its /var/log, /var/lib/dnf), and nothing in a directory
 * others can write. Made once per process, on first use, and removed when the process ends.
 */
public final class Scratch {

    private static Optional<Path> dir;

    private Scratch() {
    }

    /** The process's own directory under {@code base} (the temporary directory when empty); empty when it cannot be made. */
    public static synchronized Optional<Path> dir(Optional<Path> base) {
        if (dir == null) {
            dir = make(base);
        }
        return dir;
    }

    private static Optional<Path> make(Optional<Path> base) {
        try {
            var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            Path made;
            if (base.isPresent()) {
                Files.createDirectories(base.get(), mode);
                made = Files.createTempDirectory(base.get(), "dnf-", mode);
            } else {
                made = Files.createTempDirectory("preflight-dnf-", mode);
            }
            Files.createDirectories(made.resolve("persist"), mode);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made), "preflight-scratch"));
            return Optional.of(made);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left in the temporary directory
        }
    }
}
