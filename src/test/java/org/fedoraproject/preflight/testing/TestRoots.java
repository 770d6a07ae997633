package org.fedoraproject.preflight.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.adapter.system.ProcessCommandRunner;
import org.fedoraproject.preflight.adapter.system.Target;

/**
 * The Fedora-like roots that src/test/roots/build-roots.sh builds (CI builds them before the
 * tests): {@code dnf4} managed by the host's dnf4, and {@code sid/roots/dnf5} managed by dnf5
 * inside a Debian sid chroot, whose commands therefore run through {@code chroot}.
 */
public final class TestRoots {

    private TestRoots() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getenv().getOrDefault("PREFLIGHT_TEST_ROOTS", "/var/tmp/preflight-test-roots"));
        if (!Files.isRegularFile(dir.resolve(".complete"))) {
            Tools.missing("the test roots are not built in " + dir + " (run: sudo src/test/roots/build-roots.sh)");
        }
        return dir;
    }

    public static Path dnf4Root() {
        return dir().resolve("dnf4");
    }

    public static Path dnf5Root() {
        return dir().resolve("sid/roots/dnf5");
    }

    public static Target dnf4() {
        return Target.of(dnf4Root());
    }

    public static Target dnf5() {
        return new Target(dnf5Root(), "/roots/dnf5", new ProcessCommandRunner(chrootPrefix()));
    }

    /** What to put before a command to run it in the sid chroot: chroot as root, in a user namespace otherwise. */
    public static List<String> chrootPrefix() {
        List<String> prefix = new ArrayList<>();
        if (!isRoot()) {
            prefix.addAll(List.of("unshare", "--map-root-user"));
        }
        prefix.addAll(List.of("chroot", dir().resolve("sid").toString()));
        return prefix;
    }

    /** The environment that points the jar's commands into the chroot for the dnf5 root. */
    public static Map<String, String> dnf5Environment() {
        // dnf's own files (its log) go to the chroot's /tmp, not into the root inspected.
        return Map.of("PREFLIGHT_COMMAND_PREFIX", String.join(" ", chrootPrefix()), "PREFLIGHT_COMMAND_ROOT", "/roots/dnf5",
                "PREFLIGHT_COMMAND_SCRATCH", "/tmp/preflight-scratch");
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
