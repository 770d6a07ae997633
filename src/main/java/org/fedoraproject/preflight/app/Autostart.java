package org.fedoraproject.preflight.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The XDG autostart entry that starts Preflight in the background at login (packaging's
 * org.fedoraproject.Preflight.autostart.desktop, carried in the jar): written to
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

    /**
     * Writes or removes the entry; inside the Flatpak, where the host's autostart directory is out
     * of reach, asks the Background portal on the session bus instead.
     */
    public void apply(boolean on) throws IOException {
        if (org.fedoraproject.preflight.desktop.SessionBus.inFlatpak()) {
            try (org.fedoraproject.preflight.desktop.SessionBus bus =
                         org.fedoraproject.preflight.desktop.SessionBus.connect(System.getenv())) {
                org.fedoraproject.preflight.desktop.BackgroundPortal.requestAutostart(bus.connection(), on);
                return;
            } catch (org.fedoraproject.preflight.desktop.DesktopException | RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        writeEntry(on);
    }

    private void writeEntry(boolean on) throws IOException {
        if (!on) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        try (var entry = Autostart.class.getResourceAsStream("org.fedoraproject.Preflight.autostart.desktop")) {
            if (entry == null) {
                throw new IOException("the autostart entry is missing from Preflight's jar");
            }
            Files.write(file, entry.readAllBytes());
        }
    }
}
