package org.fedoraproject.preflight.adapter.desktop;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * What both notifiers share: the bus, and the subscription that turns the service's
 * ActionInvoked signal (each service has its own) into a call of the handler.
 */
abstract class BusNotifier implements Notifier {

    protected final DBusConnection bus;
    private volatile BiConsumer<String, String> handler = (id, key) -> { };
    private final AutoCloseable subscription;

    /** {@code clicked} maps the service's signal to the notification's id and the button's key. */
    <S extends DBusSignal> BusNotifier(DBusConnection bus, Class<S> signal, Function<S, String[]> clicked)
            throws DesktopException {
        this.bus = bus;
        DBusSigHandler<S> relay = s -> {
            String[] idAndKey = clicked.apply(s);
            handler.accept(idAndKey[0], idAndKey[1]);
        };
        try {
            subscription = bus.addSigHandler(signal, relay);
        } catch (DBusException e) {
            throw new DesktopException("cannot listen to notification buttons: " + e.getMessage(), e);
        }
    }

    @Override
    public void onAction(BiConsumer<String, String> newHandler) {
        this.handler = newHandler;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // the bus is going away
        }
    }
}
