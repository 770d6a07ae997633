package org.fedoraproject.preflight.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An error in background work reaches the log (stderr), whichever way the work was started. */
class ThreadsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream saved;

    @BeforeEach
    void captureStderr() {
        saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(saved);
    }

    private String logged() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Until the log says {@code what}: it is written on the failing thread, after the work. */
    private void awaitLogged(String what) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> logged().contains(what));
    }

    @Test
    void aSubmittedTaskWhoseFutureNobodyReadsFailsIntoTheLog() throws Exception {
        ExecutorService pool = Threads.pool("test");
        pool.submit(() -> {
            throw new IllegalStateException("lost answer 1");
        });
        awaitLogged("lost answer 1");
        assertTrue(logged().contains("preflight-test"), "names the thread: " + logged());
        pool.shutdown();
    }

    @Test
    void anErrorThrownOutOfATaskIsLoggedOnce() throws Exception {
        ExecutorService pool = Threads.pool("once");
        pool.execute(() -> {
            throw new IllegalStateException("thrown 2");
        });
        awaitLogged("thrown 2");
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(1, logged().split("thrown 2", -1).length - 1, logged());
    }

    @Test
    void aScheduledTaskAndAThreadOfItsOwnToo() throws Exception {
        ScheduledExecutorService scheduler = Threads.scheduler("sched");
        scheduler.schedule(() -> {
            throw new IllegalStateException("scheduled 3");
        }, 1, TimeUnit.MILLISECONDS);
        awaitLogged("scheduled 3");
        scheduler.shutdown();
        Thread t = Threads.start("own", () -> {
            throw new IllegalStateException("own 4");
        });
        t.join(5000);
        awaitLogged("own 4");
        assertTrue(t.isDaemon());
    }

    @Test
    void workThatSucceedsOrIsCancelledLogsNothing() throws Exception {
        ExecutorService pool = Threads.pool("quiet");
        CountDownLatch done = new CountDownLatch(1);
        pool.submit(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        ScheduledExecutorService scheduler = Threads.scheduler("cancel");
        scheduler.schedule(() -> { }, 1, TimeUnit.HOURS).cancel(false);
        pool.shutdown();
        scheduler.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals("", logged());
    }
}
