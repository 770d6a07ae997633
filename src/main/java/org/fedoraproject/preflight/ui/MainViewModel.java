package org.fedoraproject.preflight.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.machine.History;

/**
 * The window's state: the latest check, whether one is running, the last failure, the history.
 * Opening shows a check from kept data first (feeds from the cache, dnf's cached metadata), then
 * a second check that refreshes the feeds replaces it. A result from an older request (before
 * the user switched to the demo, say) is dropped.
 */
final class MainViewModel {

    private final WindowContext context;
    private final TaskRunner tasks;
    private final Messages text;
    private final ReadOnlyObjectWrapper<CheckReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyObjectWrapper<History> history = new ReadOnlyObjectWrapper<>(this, "history");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private CheckService.Request request;
    private int generation;

    MainViewModel(WindowContext context, TaskRunner tasks, Messages text) {
        this.context = context;
        this.tasks = tasks;
        this.text = text;
        this.request = context.request();
        demo.set(request.demo());
    }

    ReadOnlyObjectProperty<CheckReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<History> historyProperty() {
        return history.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    CheckService.Request request() {
        return request;
    }

    /** Kept data first, then fresh feeds (unless offline or the demo, which have nothing to fetch). */
    void open() {
        boolean refreshAfter = !request.offline() && !request.demo();
        CheckService.Request kept = new CheckService.Request(request.root(), request.extraFeeds(), true, request.demo());
        run(kept, text.get("progress.reading"), refreshAfter ? this::refresh : () -> { });
    }

    /** Checks again, fetching the feeds. */
    void refresh() {
        run(request, text.get(request.offline() || request.demo() ? "progress.reading" : "progress.fetching"), () -> { });
    }

    /** Switches to the bundled sample system and feed. */
    void openDemo() {
        request = new CheckService.Request(java.util.Optional.empty(), java.util.List.of(), true, true);
        demo.set(true);
        history.set(null);
        report.set(null);
        open();
    }

    /** Loads the whole history once, on first need. */
    void loadHistory() {
        if (history.get() != null) {
            return;
        }
        int mine = generation;
        CheckService.Request asked = request;
        tasks.run(() -> context.checks().get().history(asked), h -> {
            if (mine == generation) {
                history.set(h);
            }
        }, e -> failure.set(text.get("error.history", describe(e))));
    }

    /** The recovery guide for one incident, each step checked against the system as it is now. */
    void guide(String incidentId, Consumer<GuideService.Result> done, Consumer<String> failed) {
        CheckService.Request kept = new CheckService.Request(request.root(), request.extraFeeds(), true, request.demo());
        tasks.run(() -> context.guides().get().guide(incidentId, kept), done, e -> failed.accept(describe(e)));
    }

    private void run(CheckService.Request asked, String what, Runnable then) {
        int mine = ++generation;
        busy.set(true);
        progress.set(what);
        failure.set(null);
        tasks.run(() -> context.checks().get().check(asked), result -> {
            if (mine != generation) {
                return;
            }
            report.set(result);
            busy.set(false);
            progress.set("");
            then.run();
        }, e -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            progress.set("");
            failure.set(text.get(report.get() == null ? "error.check" : "error.checkKept", describe(e)));
        });
    }

    /** One line for a person, never a stack trace; the type only when there is no message. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
