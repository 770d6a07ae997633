package org.fedoraproject.preflight.desktop;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Sends desktop notifications with buttons: the freedesktop Notifications service on a normal
 * desktop, the notification portal inside a Flatpak. A click on a button comes back as the
 * notification's id and the button's key.
 */
public interface Notifier extends AutoCloseable {

    /** A button: the key that comes back when clicked, and its label. */
    record Action(String key, String label) {
    }

    /** Sends one notification; returns its id (for matching the button clicked). */
    String send(String summary, String body, int urgency, List<Action> actions) throws DesktopException;

    /** Where clicks on buttons go. */
    void onAction(BiConsumer<String, String> handler);

    @Override
    void close();
}
