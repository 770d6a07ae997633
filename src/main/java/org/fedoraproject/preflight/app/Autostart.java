package org.fedoraproject.preflight.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The XDG autostart entry that starts Preflight in the background at login: written to
 * {@code $XDG_CONFIG_HOME/autostart} when "start at login" is on, removed when it is off. The
 * user's own file, never /etc.
 */
public final class Autostart {

    public static final String FILE_NAME = "org.fedoraproject.Preflight.desktop";

    private final Path file;

    public Autostart(Path configHome) {
        this.file = configHome.resolve("autostart").resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public void apply(boolean on) throws IOException {
        if (!on) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Name=Preflight",
                "Comment=Tells you when a pending update has a known problem",
                "Exec=preflight --background",
                "Icon=org.fedoraproject.Preflight",
                "NoDisplay=true",
                "X-GNOME-Autostart-enabled=true",
                "X-GNOME-Autostart-Delay=30",
                ""), StandardCharsets.UTF_8);
    }
}
