package org.fedoraproject.preflight.adapter.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the background instance found no tray on this desktop (plain GNOME without the
 * AppIndicator extension): it notifies only, and the settings say so once, from a mark it leaves
 * in {@code $XDG_STATE_HOME/preflight/no-tray}.
 */
public final class TrayPresence {

    private final Path mark;

    public TrayPresence(Path stateDir) {
        this.mark = stateDir.resolve("no-tray");
    }

    public boolean missing() {
        return Files.exists(mark);
    }

    public void record(boolean present) {
        try {
            if (present) {
                Files.deleteIfExists(mark);
            } else {
                Files.createDirectories(mark.getParent());
                Files.writeString(mark, "The background instance found no StatusNotifierWatcher on the session bus.\n");
            }
        } catch (IOException e) {
            // only the settings' note is lost
        }
    }
}
