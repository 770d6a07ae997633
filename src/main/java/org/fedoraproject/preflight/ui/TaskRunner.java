package org.fedoraproject.preflight.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The seam through which the window runs slow work (reading the system, fetching feeds) away
 * from the JavaFX thread. Results and failures both come back on the JavaFX thread; a failure
 * is always delivered, so an error cannot vanish and leave a spinner turning forever.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed);

    /** Runs the work at once on the calling thread: for tests of view models. */
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | LinkageError e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }
        };
    }
}
