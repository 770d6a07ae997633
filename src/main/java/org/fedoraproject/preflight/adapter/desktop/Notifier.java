package org.fedoraproject.preflight.adapter.desktop;

import java.util.List;
import java.util.Optional;
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

    /**
     * Sends one notification, in place of {@code replaces} (an id this notifier returned) when
     * given; returns its id (for matching the button clicked, and for the next to replace it).
     */
    String send(String summary, String body, int urgency, List<Action> actions, Optional<String> replaces)
            throws DesktopException;

    /** A new notification, replacing none. */
    default String send(String summary, String body, int urgency, List<Action> actions) throws DesktopException {
        return send(summary, body, urgency, actions, Optional.empty());
    }

    /** Where clicks on buttons go. */
    void onAction(BiConsumer<String, String> handler);

    @Override
    void close();
}
