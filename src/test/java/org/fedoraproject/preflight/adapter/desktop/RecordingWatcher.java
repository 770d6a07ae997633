package org.fedoraproject.preflight.adapter.desktop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;

/** A StatusNotifierWatcher for tests: owns its name on a private bus and records the items that register. */
public final class RecordingWatcher implements StatusNotifierWatcherInterface {

    private final List<String> registered = new CopyOnWriteArrayList<>();

    private RecordingWatcher() {
    }

    public static RecordingWatcher on(DBusConnection connection) throws DBusException {
        RecordingWatcher watcher = new RecordingWatcher();
        connection.exportObject(PATH, watcher);
        connection.requestBusName(BUS_NAME);
        return watcher;
    }

    public List<String> registered() {
        return List.copyOf(registered);
    }

    @Override
    public void RegisterStatusNotifierItem(String service) {
        registered.add(service);
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }
}
