package org.fedoraproject.preflight.adapter.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.fedoraproject.preflight.adapter.system.RegularFiles;

/**
 * Where Preflight keeps its files, by the XDG base directory rules: settings and trusted keys in
 * {@code $XDG_CONFIG_HOME/preflight}, kept feeds in {@code $XDG_CACHE_HOME/preflight}, what was
 * notified in {@code $XDG_STATE_HOME/preflight}.
 */
public record XdgDirs(Path config, Path cache, Path state) {

    public static XdgDirs from(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        return new XdgDirs(
                base(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("preflight"),
                base(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("preflight"),
                base(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("preflight"));
    }

    /** A relative or empty value is ignored, as the specification says. */
    private static Path base(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value != null && value.startsWith("/") ? Path.of(value) : fallback;
    }

    /**
     * The directories of the user who ran {@code sudo dnf …}: dnf runs as root, but the feeds
     * and trusted keys the hook needs are that user's. Without SUDO_USER (or when the user is not
     * in /etc/passwd), the environment's own.
     */
    public static XdgDirs ofInvokingUser(Map<String, String> env, Path passwd) {
        String user = env.get("SUDO_USER");
        if (user != null && !user.isBlank()) {
            try {
                for (String line : RegularFiles.readString(passwd, 16L << 20).split("\n")) {
                    String[] f = line.split(":", -1);
                    if (f.length >= 6 && f[0].equals(user) && f[5].startsWith("/")) {
                        return from(Map.of("HOME", f[5]));
                    }
                }
            } catch (IOException e) {
                // fall back to the environment's directories
            }
        }
        return from(env);
    }

    /** $XDG_RUNTIME_DIR (the user's private, per-login directory), or the state directory without one. */
    public static Path runtime(Map<String, String> env, XdgDirs dirs) {
        String value = env.get("XDG_RUNTIME_DIR");
        return value != null && value.startsWith("/") ? Path.of(value) : dirs.state();
    }

    public Path trustedKeys() {
        return config.resolve("trusted-keys");
    }

    public Path feedCache() {
        return cache.resolve("feeds");
    }

    /** What is remembered of each feed apart from the cache (newest accepted, the checked forms' key). */
    public Path feedState() {
        return state.resolve("feeds");
    }
}
