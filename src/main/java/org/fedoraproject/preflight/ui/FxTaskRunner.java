package org.fedoraproject.preflight.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs work on a background executor and hands the outcome to the JavaFX thread. */
final class FxTaskRunner implements TaskRunner {

    private final Executor executor;

    FxTaskRunner(Executor executor) {
        this.executor = executor;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> done.accept(result));
            } catch (Throwable e) { // everything, Errors too: the window must learn that the work ended
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }
}
