package org.fedoraproject.preflight.adapter.desktop;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** A notification server for tests: owns org.freedesktop.Notifications on a private bus and records every Notify. */
public final class RecordingNotifications implements NotificationsInterface, AutoCloseable {

    /** One Notify call as the server received it. */
    public record Call(int id, String appName, String summary, String body, List<String> actions, int urgency, int timeout,
                       int replaces) {
    }

    private final DBusConnection connection;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    public RecordingNotifications(DBusConnection connection) throws DBusException {
        this.connection = connection;
        connection.exportObject(PATH, this);
        connection.requestBusName(BUS_NAME);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Sends ActionInvoked as a desktop does when the user clicks a button. */
    public void click(int id, String key) throws DBusException {
        connection.sendMessage(new ActionInvoked(PATH, new UInt32(id), key));
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                         Map<String, Variant<?>> hints, int expireTimeout) {
        // As a notification server does: a replaced notification keeps its id.
        int id = replacesId.intValue() != 0 ? replacesId.intValue() : ids.incrementAndGet();
        Object urgency = hints.containsKey("urgency") ? hints.get("urgency").getValue() : -1;
        calls.add(new Call(id, appName, summary, body, List.copyOf(actions), ((Number) urgency).intValue(), expireTimeout,
                replacesId.intValue()));
        return new UInt32(id);
    }

    @Override
    public List<String> GetCapabilities() {
        return List.of("actions", "body");
    }

    @Override
    public void CloseNotification(UInt32 id) {
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
