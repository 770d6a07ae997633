package org.fedoraproject.preflight.adapter.desktop;

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

    /**
     * Inside the Flatpak, where the system bus is out of reach: the NetworkMonitor portal on the
     * session bus at {@code address} (empty: the session's own). Its "changed" signal carries no
     * state, so the connectivity is asked each time; full connectivity (4) after anything else
     * is a return.
     */
    public static NetworkWatcher startPortal(String address, Runnable back) throws DesktopException {
        try {
            DBusConnection bus = address.isBlank() ? DBusConnectionBuilder.forSessionBus().withShared(false).build()
                    : DBusConnectionBuilder.forAddress(address).withShared(false).build();
            PortalNetworkMonitorInterface monitor = bus.getRemoteObject(BackgroundPortal.BUS_NAME, BackgroundPortal.PATH,
                    PortalNetworkMonitorInterface.class);
            Returns returns = new Returns();
            returns.next(portalState(monitor));
            AutoCloseable subscription = bus.addSigHandler(PortalNetworkMonitorInterface.changed.class, signal -> {
                if (returns.next(portalState(monitor))) {
                    back.run();
                }
            });
            return new NetworkWatcher(bus, subscription);
        } catch (DBusException | RuntimeException e) {
            throw new DesktopException("cannot watch the network through the portal (" + e.getMessage() + ")", e);
        }
    }

    /** The portal's connectivity as NetworkManager's states: full is "connected, global". */
    private static long portalState(PortalNetworkMonitorInterface monitor) {
        try {
            return monitor.GetConnectivity().longValue() == 4 ? CONNECTED : 0;
        } catch (RuntimeException e) {
            return 0; // no answer: not connected, so that the next full connectivity counts as a return
        }
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
