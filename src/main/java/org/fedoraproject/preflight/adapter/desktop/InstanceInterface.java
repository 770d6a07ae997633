package org.fedoraproject.preflight.adapter.desktop;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** org.fedoraproject.Preflight1: what a second `preflight` asks of the running one. */
@DBusInterfaceName("org.fedoraproject.Preflight1")
public interface InstanceInterface extends DBusInterface {

    String BUS_NAME = "org.fedoraproject.Preflight";
    String PATH = "/org/fedoraproject/Preflight";

    /** Opens (or raises) the window, on an incident when its id is not empty. */
    void ShowWindow(String incidentId);
}
