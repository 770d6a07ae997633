package org.fedoraproject.preflight.app;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made the first time it is needed, then kept. The composition root wires the costly
 * parts (the HTTPS client, the trust store) this way, so that {@code preflight vercmp} or an
 * offline check never pays for them.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private volatile T value;

    private Lazy(Supplier<T> maker) {
        this.maker = maker;
    }

    public static <T> Lazy<T> of(Supplier<T> maker) {
        return new Lazy<>(Objects.requireNonNull(maker));
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(maker.get());
                    value = v;
                }
            }
        }
        return v;
    }
}
