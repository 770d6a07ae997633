package org.fedoraproject.preflight.desktop;

import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/**
 * Tells when the network comes back, from NetworkManager's StateChanged signal on the system
 * bus: a change to "connected, global" (70) from any other state. No polling: dbus-java's reader
 * thread sleeps until a signal arrives.
 */
public final class NetworkWatcher implements AutoCloseable {

    /** NM_STATE_CONNECTED_GLOBAL. */
    static final long CONNECTED = 70;

    /** org.freedesktop.NetworkManager's signal, the only member Preflight needs. */
    @DBusInterfaceName("org.freedesktop.NetworkManager")
    public interface NetworkManagerInterface extends DBusInterface {

        /** The overall network state changed. */
        class StateChanged extends DBusSignal {
            private final UInt32 state;

            public StateChanged(String path, UInt32 state) throws DBusException {
                super(path, state);
                this.state = state;
            }

            public UInt32 getState() {
                return state;
            }
        }
    }

    /** Which states in a row are a return: "connected, global" after any other state (or none). */
    static final class Returns {
        private final AtomicLong last = new AtomicLong(-1);

        /** Takes the next state; true when it is a return of the network. */
        boolean next(long state) {
            long before = last.getAndSet(state);
            return state == CONNECTED && before != CONNECTED;
        }
    }

    private final DBusConnection bus;
    private final AutoCloseable subscription;

    private NetworkWatcher(DBusConnection bus, AutoCloseable subscription) {
        this.bus = bus;
        this.subscription = subscription;
    }

    /** Watches the system bus at {@code address} (empty: the system's own); {@code back} runs when the network returns. */
    public static NetworkWatcher start(String address, Runnable back) throws DesktopException {
        try {
            DBusConnection bus = address.isBlank() ? DBusConnectionBuilder.forSystemBus().withShared(false).build()
                    : DBusConnectionBuilder.forAddress(address).withShared(false).build();
            Returns returns = new Returns();
            AutoCloseable subscription = bus.addSigHandler(NetworkManagerInterface.StateChanged.class, signal -> {
                if (returns.next(signal.getState().longValue())) {
                    back.run();
                }
            });
            return new NetworkWatcher(bus, subscription);
        } catch (DBusException | RuntimeException e) {
            throw new DesktopException("cannot watch the network (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
            bus.close();
        } catch (Exception e) {
            // closing
        }
    }
}
