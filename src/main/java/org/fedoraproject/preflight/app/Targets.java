package org.fedoraproject.preflight.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fedoraproject.preflight.adapter.files.XdgDirs;
import org.fedoraproject.preflight.adapter.system.DnfCache;
import org.fedoraproject.preflight.adapter.system.ProcessCommandRunner;
import org.fedoraproject.preflight.adapter.system.Scratch;
import org.fedoraproject.preflight.adapter.system.Target;
import org.fedoraproject.preflight.machine.PackageManager;

/**
 * Decides how to reach the system to inspect. On the machine itself: its own files and
 * commands. Inside the Flatpak: the host's files under /run/host and its commands through
 * {@code flatpak-spawn --host}. With {@code --root DIR}: the system installed under DIR.
 *
 * <p>Two environment variables serve tests and unusual setups: {@code PREFLIGHT_COMMAND_PREFIX}
 * (words put in front of every command, e.g. {@code chroot /srv/sid}) and
 * {@code PREFLIGHT_COMMAND_ROOT} (the root as those commands see it).
 */
public final class Targets {

    static final Path FLATPAK_INFO = Path.of("/.flatpak-info");

    private final Map<String, String> environment;

    public Targets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The system bus to ask PackageKit on: this machine's (DBUS_SYSTEM_BUS_ADDRESS, or the default),
     * or none for another root, whose PackageKit is not the one running here. PREFLIGHT_PACKAGEKIT
     * {@code off} never asks; {@code always} asks for a root too (tests, with a private bus).
     */
    public Optional<String> systemBus(Optional<Path> root) {
        String mode = environment.getOrDefault("PREFLIGHT_PACKAGEKIT", "").strip();
        if (mode.equals("off") || (root.isPresent() && !mode.equals("always"))) {
            return Optional.empty();
        }
        return Optional.of(environment.getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", "").strip());
    }

    public Target resolve(Optional<Path> root) {
        List<String> prefix = new ArrayList<>();
        String prefixWords = environment.getOrDefault("PREFLIGHT_COMMAND_PREFIX", "").strip();
        if (!prefixWords.isEmpty()) {
            prefix.addAll(Arrays.asList(prefixWords.split("\\s+")));
        }
        Path files;
        String commandRoot;
        if (root.isPresent()) {
            files = root.get().toAbsolutePath().normalize();
            commandRoot = files.toString();
        } else if (Files.exists(FLATPAK_INFO) && prefix.isEmpty()) {
            files = Path.of("/run/host");
            commandRoot = "/";
            prefix.addAll(List.of("flatpak-spawn", "--host"));
        } else {
            files = Path.of("/");
            commandRoot = "/";
        }
        commandRoot = environment.getOrDefault("PREFLIGHT_COMMAND_ROOT", commandRoot);
        Target target = new Target(files, commandRoot, new ProcessCommandRunner(prefix), scratch(prefix));
        // Preflight's own metadata (from check --refresh) is read when it is newer than the system's.
        Optional<DnfCache> own = ownCache(root, prefix);
        if (own.isPresent()) {
            Optional<Instant> mine = own.get().metadataTime();
            Optional<Instant> system = Stream.of(PackageManager.DNF5, PackageManager.DNF4)
                    .map(target::metadataTime).flatMap(Optional::stream).max(Instant::compareTo);
            if (mine.isPresent() && (system.isEmpty() || mine.get().isAfter(system.get()))) {
                return target.withCache(own.get());
            }
        }
        return target;
    }

    /** The target with Preflight's own metadata cache, for a refresh; empty where it has none (a test's chroot without one). */
    public Optional<Target> forRefresh(Optional<Path> root) {
        Target target = resolve(root);
        if (target.cache().isPresent()) {
            return Optional.of(target);
        }
        return ownCache(root, prefixWords()).map(target::withCache);
    }

    private List<String> prefixWords() {
        String words = environment.getOrDefault("PREFLIGHT_COMMAND_PREFIX", "").strip();
        return words.isEmpty() ? List.of() : Arrays.asList(words.split("\\s+"));
    }

    /**
     * Preflight's own copy of dnf's metadata for this system: under $XDG_CACHE_HOME/preflight/dnf,
     * one directory per root. PREFLIGHT_DNF_CACHE and PREFLIGHT_COMMAND_DNF_CACHE name it (where
     * Preflight reads it, where dnf's commands see it) for a test's chroot, which needs both.
     */
    private Optional<DnfCache> ownCache(Optional<Path> root, List<String> prefix) {
        String host = environment.getOrDefault("PREFLIGHT_DNF_CACHE", "").strip();
        String command = environment.getOrDefault("PREFLIGHT_COMMAND_DNF_CACHE", "").strip();
        if (!host.isEmpty()) {
            return Optional.of(new DnfCache(Path.of(host), command.isEmpty() ? host : command));
        }
        if (!environment.getOrDefault("PREFLIGHT_COMMAND_PREFIX", "").isBlank()) {
            return Optional.empty();
        }
        String key = root.map(r -> "root-" + Integer.toHexString(r.toAbsolutePath().normalize().toString().hashCode())).orElse("host");
        Path dir = XdgDirs.from(environment).cache().resolve("dnf").resolve(key);
        return Optional.of(new DnfCache(dir, dir.toString()));
    }

    /**
     * Where dnf may write its own files, as its commands see the path: the process's private
     * directory; inside the Flatpak one under the app's cache, which has the same path on the
     * host where dnf runs; with PREFLIGHT_COMMAND_PREFIX, PREFLIGHT_COMMAND_SCRATCH (a test's
     * chroot has its own file system), else a directory of this process's own in that file
     * system's /tmp, which dnf makes: never dnf's defaults, which write its log into the root.
     */
    private Optional<String> scratch(List<String> prefix) {
        String given = environment.getOrDefault("PREFLIGHT_COMMAND_SCRATCH", "").strip();
        if (!given.isEmpty()) {
            return Optional.of(given);
        }
        if (!environment.getOrDefault("PREFLIGHT_COMMAND_PREFIX", "").isBlank()) {
            // Not made from here (another file system): unguessable, so nobody has put anything there first.
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            return Optional.of("/tmp/preflight-dnf-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random));
        }
        Optional<Path> base = prefix.isEmpty() ? Optional.empty()
                : Optional.of(XdgDirs.from(environment).cache().resolve("dnf"));
        return Scratch.dir(base).map(Path::toString);
    }
}
