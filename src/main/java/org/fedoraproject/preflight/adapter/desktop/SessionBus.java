package org.fedoraproject.preflight.adapter.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;

/**
 * The user's session bus, and what Preflight does on it: notify (through the portal inside a
 * Flatpak), own the name org.fedoraproject.Preflight so that a second start asks this one to
 * show its window, and ask a running instance to do so.
 */
public final class SessionBus implements AutoCloseable {

    private final DBusConnection connection;

    private SessionBus(DBusConnection connection) {
        this.connection = connection;
    }

    /** Connects to DBUS_SESSION_BUS_ADDRESS (or the default session bus). */
    public static SessionBus connect(Map<String, String> env) throws DesktopException {
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        try {
            DBusConnectionBuilder builder = address == null || address.isBlank()
                    ? DBusConnectionBuilder.forSessionBus() : DBusConnectionBuilder.forAddress(address);
            return new SessionBus(builder.withShared(false).build());
        } catch (DBusException | RuntimeException e) {
            throw new DesktopException("no session bus (" + e.getMessage() + ")", e);
        }
    }

    public DBusConnection connection() {
        return connection;
    }

    /** Inside the Flatpak sandbox notifications go through the portal. */
    public static boolean inFlatpak() {
        return Files.exists(Path.of("/.flatpak-info"));
    }

    public Notifier notifier(boolean flatpak) throws DesktopException {
        return flatpak ? new PortalNotifier(connection) : new FreedesktopNotifier(connection);
    }

    /**
     * Takes the name org.fedoraproject.Preflight and answers ShowWindow with {@code show};
     * false when another instance has it.
     */
    public boolean claim(Consumer<String> show) throws DesktopException {
        try {
            if (hasOwner(InstanceInterface.BUS_NAME)) {
                return false;
            }
            connection.exportObject(InstanceInterface.PATH, new InstanceInterface() {
                @Override
                public void ShowWindow(String incidentId) {
                    show.accept(incidentId);
                }

                @Override
                public String getObjectPath() {
                    return InstanceInterface.PATH;
                }
            });
            connection.requestBusName(InstanceInterface.BUS_NAME);
            return true;
        } catch (DBusException | DBusExecutionException e) {
            throw new DesktopException("cannot take the name " + InstanceInterface.BUS_NAME + ": " + e.getMessage(), e);
        }
    }

    /** Asks the running instance to show its window; false when none runs. */
    public boolean askRunning(Optional<String> incidentId) {
        try {
            if (!hasOwner(InstanceInterface.BUS_NAME)) {
                return false;
            }
            connection.getRemoteObject(InstanceInterface.BUS_NAME, InstanceInterface.PATH, InstanceInterface.class)
                    .ShowWindow(incidentId.orElse(""));
            return true;
        } catch (DBusException | DBusExecutionException e) {
            return false;
        }
    }

    private boolean hasOwner(String name) throws DBusException {
        return connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class).NameHasOwner(name);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // closing: nothing to keep
        }
    }
}
