package org.fedoraproject.preflight.adapter.fedora;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fedoraproject.preflight.threads.Threads;

/**
 * Requests to Fedora's servers side by side, as a good citizen: at most {@link #PER_HOST} at once
 * to one host (Bodhi, Bugzilla, Discourse each), whatever reads make them. The threads are
 * daemons; an error in one request's work comes back from {@link #map} to the caller, never lost.
 */
final class Parallel {

    /** At most this many requests at once to one host (the README says so). */
    static final int PER_HOST = 4;

    private final ExecutorService threads = Threads.pool("sources");
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Clock clock;

    Parallel(Clock clock) {
        this.clock = clock;
    }

    /** {@code work} applied to each item, side by side, the results in the items' order. */
    <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        List<CompletableFuture<R>> futures = items.stream().map(i -> CompletableFuture.supplyAsync(() -> work.apply(i), threads)).toList();
        try {
            return futures.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** {@code request} once a place for {@code url}'s host is free, or {@code late} when none frees before {@code deadline}. */
    <R> R limited(URI url, Instant deadline, Supplier<R> request, Supplier<R> late) {
        Semaphore host = hosts.computeIfAbsent(String.valueOf(url.getHost()) + ":" + url.getPort(), h -> new Semaphore(PER_HOST));
        long wait = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        try {
            if (!host.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                return late.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return late.get();
        }
        try {
            return request.get();
        } finally {
            host.release();
        }
    }
}
