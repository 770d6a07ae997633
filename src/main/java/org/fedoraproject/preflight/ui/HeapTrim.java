package org.fedoraproject.preflight.ui;

import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;

/**
 * Gives back the memory a check needed once the window is idle again. The serial collector the
 * launcher chooses returns heap to the system only after a full collection (and, with
 * -XX:-ShrinkHeapInSteps, all the free room at once); a window that stays open all day should not
 * keep the room that reading a feed of ten thousand incidents and 5,000 packages took. One
 * collection of the ~50 MB that stay live costs some tens of milliseconds, off the FX thread.
 */
final class HeapTrim {

    private HeapTrim() {
    }

    /** A moment after a check ends, unless another has begun (the window's refresh follows its first check at once). */
    static void afterEachCheck(ObservableBooleanValue busy, Executor executor) {
        PauseTransition idle = new PauseTransition(Duration.millis(300));
        idle.setOnFinished(e -> {
            if (!busy.get()) {
                executor.execute(System::gc);
            }
        });
        busy.addListener((o, was, now) -> {
            if (now) {
                idle.stop();
            } else {
                idle.playFromStart();
            }
        });
    }
}
