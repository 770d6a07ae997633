package org.fedoraproject.preflight.threads;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every thread Preflight starts, from one place: daemons (a background read never keeps the
 * process alive), named after their work, and with an error that escapes their work logged, never
 * lost. A task handed to {@code submit} whose Future nobody reads fails into the log too (as
 * Cryptomator's CatchingExecutors do); work given to a CompletableFuture reports its own errors to
 * whoever joins it, as before.
 */
public final class Threads {

    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
    private static final Thread.UncaughtExceptionHandler LOGGED =
            (thread, e) -> LOG.error("an error ended work on thread {}", thread.getName(), e);

    private Threads() {
    }

    /** Threads named {@code preflight-NAME[-N]}. */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            int n = count.incrementAndGet();
            Thread t = new Thread(runnable, "preflight-" + name + (n > 1 ? "-" + n : ""));
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(LOGGED);
            return t;
        };
    }

    /** One thread started for {@code work}. */
    public static Thread start(String name, Runnable work) {
        Thread t = named(name).newThread(work);
        t.start();
        return t;
    }

    /** As many threads as there is work, each kept a minute after its last. */
    public static ExecutorService pool(String name) {
        return new Catching(0, Integer.MAX_VALUE, new SynchronousQueue<>(), named(name));
    }

    /** One thread, for work that must run in turn. */
    public static ExecutorService single(String name) {
        return new Catching(1, 1, new LinkedBlockingQueue<>(), named(name));
    }

    /** One thread for work at times. */
    public static ScheduledExecutorService scheduler(String name) {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, named(name)) {
            @Override
            protected void afterExecute(Runnable r, Throwable t) {
                super.afterExecute(r, t);
                logFailure(r, t);
            }
        };
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    /**
     * The error a submitted task's Future holds, if it had one. An error thrown out of a task
     * ({@code t}) ends its thread, whose handler logs it: not twice.
     */
    static void logFailure(Runnable r, Throwable t) {
        Throwable failure = null;
        if (t == null && r instanceof Future<?> f && f.isDone() && !f.isCancelled()) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (CancellationException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (failure != null) {
            LOGGED.uncaughtException(Thread.currentThread(), failure);
        }
    }

    private static final class Catching extends ThreadPoolExecutor {
        Catching(int core, int max, BlockingQueue<Runnable> queue, ThreadFactory factory) {
            super(core, max, 60, TimeUnit.SECONDS, queue, factory);
        }

        @Override
        protected void afterExecute(Runnable r, Throwable t) {
            super.afterExecute(r, t);
            logFailure(r, t);
        }
    }
}
