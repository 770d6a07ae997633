package org.fedoraproject.preflight.adapter.desktop;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/** org.kde.StatusNotifierItem: a tray icon as KDE, and GNOME with the AppIndicator extension, show it. */
@DBusInterfaceName("org.kde.StatusNotifierItem")
public interface StatusNotifierItemInterface extends DBusInterface {

    void Activate(int x, int y);

    void SecondaryActivate(int x, int y);

    void ContextMenu(int x, int y);

    void Scroll(int delta, String orientation);

    /** The icon changed: hosts read IconName again. */
    class NewIcon extends DBusSignal {
        public NewIcon(String path) throws DBusException {
            super(path);
        }
    }

    /** The status (Active, NeedsAttention) changed. */
    class NewStatus extends DBusSignal {
        private final String status;

        public NewStatus(String path, String status) throws DBusException {
            super(path, status);
            this.status = status;
        }

        public String getStatus() {
            return status;
        }
    }

    /** The tooltip changed. */
    class NewToolTip extends DBusSignal {
        public NewToolTip(String path) throws DBusException {
            super(path);
        }
    }
}
