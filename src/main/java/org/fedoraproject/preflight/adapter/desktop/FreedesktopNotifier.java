package org.fedoraproject.preflight.adapter.desktop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** Notifications through org.freedesktop.Notifications on the session bus (GNOME, KDE, most desktops). */
public final class FreedesktopNotifier extends BusNotifier {

    static final String APP_NAME = "Preflight";
    static final String DESKTOP_ENTRY = "org.fedoraproject.Preflight";

    public FreedesktopNotifier(DBusConnection bus) throws DesktopException {
        super(bus, NotificationsInterface.ActionInvoked.class, s -> new String[] {s.getId().toString(), s.getActionKey()});
    }

    @Override
    public String send(String summary, String body, int urgency, List<Action> actions, Optional<String> replaces)
            throws DesktopException {
        List<String> flat = new ArrayList<>();
        for (Action a : actions) {
            flat.add(a.key());
            flat.add(a.label());
        }
        Map<String, Variant<?>> hints = new HashMap<>();
        hints.put("urgency", new Variant<>((byte) urgency));
        hints.put("desktop-entry", new Variant<>(DESKTOP_ENTRY));
        try {
            NotificationsInterface service = bus.getRemoteObject(NotificationsInterface.BUS_NAME, NotificationsInterface.PATH,
                    NotificationsInterface.class);
            // Critical notifications stay until dismissed; the others expire as the server decides.
            long replacing = replaces.filter(r -> r.matches("[0-9]{1,10}")).map(Long::parseLong).orElse(0L);
            return service.Notify(APP_NAME, new UInt32(replacing), "org.fedoraproject.Preflight", summary, body, flat, hints,
                    urgency == 2 ? 0 : -1).toString();
        } catch (DBusException | DBusExecutionException e) {
            throw new DesktopException("the notification service did not take the notification: " + e.getMessage(), e);
        }
    }
}
