package org.fedoraproject.preflight.adapter.desktop;

import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;

/**
 * Start at login inside the Flatpak: the sandbox cannot write the host's autostart directory,
 * so it asks the Background portal, which writes the entry for the app (and may ask the user).
 */
public final class BackgroundPortal {

    static final String BUS_NAME = "org.freedesktop.portal.Desktop";
    static final String PATH = "/org/freedesktop/portal/desktop";

    private BackgroundPortal() {
    }

    /** Asks for (or withdraws) start at login as {@code preflight --background}. */
    public static void requestAutostart(DBusConnection bus, boolean on) throws DesktopException {
        try {
            Map<String, Variant<?>> options = Map.of(
                    "reason", new Variant<>("Check for known problems with updates in the background"),
                    "autostart", new Variant<>(on),
                    "commandline", new Variant<>(new String[] {"preflight", "--background"}, "as"));
            bus.getRemoteObject(BUS_NAME, PATH, PortalBackgroundInterface.class).RequestBackground("", options);
        } catch (DBusException | RuntimeException e) {
            throw new DesktopException("the background portal did not take the request: " + e.getMessage(), e);
        }
    }
}
