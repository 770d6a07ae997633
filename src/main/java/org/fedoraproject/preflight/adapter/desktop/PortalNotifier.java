package org.fedoraproject.preflight.adapter.desktop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.Variant;

/**
 * Notifications through the portal, inside the Flatpak sandbox: the sandbox may not talk to
 * org.freedesktop.Notifications, and the portal shows the notification as the app's.
 */
public final class PortalNotifier extends BusNotifier {

    private static final String[] PRIORITY = {"low", "normal", "urgent"};

    private final AtomicLong next = new AtomicLong();
    private final String prefix = "preflight-" + ProcessHandle.current().pid() + "-";

    public PortalNotifier(DBusConnection bus) throws DesktopException {
        super(bus, PortalNotificationInterface.ActionInvoked.class, s -> new String[] {s.getNotificationId(), s.getAction()});
    }

    @Override
    public String send(String summary, String body, int urgency, List<Action> actions, Optional<String> replaces)
            throws DesktopException {
        // The portal replaces a notification sent again under the same id.
        String id = replaces.filter(r -> r.startsWith(prefix)).orElseGet(() -> prefix + next.incrementAndGet());
        Map<String, Variant<?>> n = new LinkedHashMap<>();
        n.put("title", new Variant<>(summary));
        n.put("body", new Variant<>(body));
        n.put("priority", new Variant<>(PRIORITY[urgency]));
        if (!actions.isEmpty()) {
            n.put("default-action", new Variant<>(actions.get(0).key()));
            List<Map<String, Variant<?>>> buttons = new ArrayList<>();
            for (Action a : actions) {
                Map<String, Variant<?>> button = new LinkedHashMap<>();
                button.put("label", new Variant<>(a.label()));
                button.put("action", new Variant<>(a.key()));
                buttons.add(button);
            }
            n.put("buttons", new Variant<>(buttons, "aa{sv}"));
        }
        try {
            bus.getRemoteObject(PortalNotificationInterface.BUS_NAME, PortalNotificationInterface.PATH,
                    PortalNotificationInterface.class).AddNotification(id, n);
            return id;
        } catch (DBusException | DBusExecutionException e) {
            throw new DesktopException("the notification portal did not take the notification: " + e.getMessage(), e);
        }
    }
}
