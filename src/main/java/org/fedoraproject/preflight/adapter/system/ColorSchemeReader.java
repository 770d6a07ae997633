package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fedoraproject.preflight.adapter.files.XdgDirs;

/**
 * Whether the desktop asks applications for dark colours. In order: PREFLIGHT_COLOR_SCHEME
 * (dark or light, for people and tests), GTK_THEME ending in ":dark", GNOME's
 * {@code color-scheme} setting through gsettings, and KDE's colour scheme name in kdeglobals.
 * Anything unreadable means light: the choice is cosmetic and must never delay the window.
 */
public final class ColorSchemeReader {

    private final Map<String, String> env;
    private final CommandRunner runner;
    private final Path configHome;

    public ColorSchemeReader(Map<String, String> env, CommandRunner runner) {
        this.env = env;
        this.runner = runner;
        this.configHome = XdgDirs.from(env).config().getParent();
    }

    public boolean prefersDark() {
        String forced = env.getOrDefault("PREFLIGHT_COLOR_SCHEME", "").toLowerCase(Locale.ROOT);
        if (forced.equals("dark") || forced.equals("light")) {
            return forced.equals("dark");
        }
        if (env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT).endsWith(":dark")) {
            return true;
        }
        String desktop = env.getOrDefault("XDG_CURRENT_DESKTOP", "").toUpperCase(Locale.ROOT);
        if (desktop.contains("KDE")) {
            return kdeSchemeIsDark();
        }
        return !desktop.isEmpty() && gnomePrefersDark();
    }

    private boolean gnomePrefersDark() {
        try {
            CommandResult r = runner.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"),
                    Duration.ofSeconds(2));
            return r.exitCode() == 0 && r.stdout().contains("prefer-dark");
        } catch (CommandFailedException e) {
            return false;
        }
    }

    private boolean kdeSchemeIsDark() {
        try {
            return KeyFile.parse(RegularFiles.readString(configHome.resolve("kdeglobals"), RegularFiles.SMALL))
                    .get("General", "ColorScheme", "").toLowerCase(Locale.ROOT).contains("dark");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
