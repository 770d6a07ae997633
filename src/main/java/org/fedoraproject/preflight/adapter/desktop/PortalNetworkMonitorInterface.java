package org.fedoraproject.preflight.adapter.desktop;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/** org.freedesktop.portal.NetworkMonitor: the network's state, as a sandboxed app may see it. */
@DBusInterfaceName("org.freedesktop.portal.NetworkMonitor")
public interface PortalNetworkMonitorInterface extends DBusInterface {

    /** 1 local only, 2 limited, 3 captive portal, 4 full network. */
    UInt32 GetConnectivity();

    /** The network configuration changed: ask again. */
    class changed extends DBusSignal {
        public changed(String path) throws DBusException {
            super(path);
        }
    }
}
