package org.fedoraproject.preflight.adapter.desktop;

import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/** org.freedesktop.portal.Background: how a Flatpak app asks to run in the background and at login. */
@DBusInterfaceName("org.freedesktop.portal.Background")
public interface PortalBackgroundInterface extends DBusInterface {

    /** Options: {@code reason} (s), {@code autostart} (b), {@code commandline} (as); returns the request's handle. */
    DBusPath RequestBackground(String parentWindow, Map<String, Variant<?>> options);
}
