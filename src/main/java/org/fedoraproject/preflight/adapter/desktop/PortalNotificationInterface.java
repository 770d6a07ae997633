package org.fedoraproject.preflight.adapter.desktop;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/** org.freedesktop.portal.Notification: how a Flatpak app notifies. */
@DBusInterfaceName("org.freedesktop.portal.Notification")
public interface PortalNotificationInterface extends DBusInterface {

    String BUS_NAME = "org.freedesktop.portal.Desktop";
    String PATH = "/org/freedesktop/portal/desktop";

    void AddNotification(String id, Map<String, Variant<?>> notification);

    void RemoveNotification(String id);

    /** Sent when the user clicks a button: the notification's id, the action, its parameter. */
    class ActionInvoked extends DBusSignal {
        private final String id;
        private final String action;

        public ActionInvoked(String path, String id, String action, List<Variant<?>> parameter) throws DBusException {
            super(path, id, action, parameter);
            this.id = id;
            this.action = action;
        }

        public String getNotificationId() {
            return id;
        }

        public String getAction() {
            return action;
        }
    }
}
