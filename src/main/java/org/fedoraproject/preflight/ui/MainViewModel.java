package org.fedoraproject.preflight.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.app.UpgradeReport;
import org.fedoraproject.preflight.guide.Plan;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.text.Messages;

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
    /** The machine's own records (preflight health), read after each check; null until then. */
    private final ReadOnlyObjectWrapper<HealthService.Result> health = new ReadOnlyObjectWrapper<>(this, "health");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private final ReadOnlyObjectWrapper<UpgradeReport> upgrade =
            new ReadOnlyObjectWrapper<>(this, "upgrade");
    private final ReadOnlyBooleanWrapper upgradeBusy = new ReadOnlyBooleanWrapper(this, "upgradeBusy");
    private CheckService.Request request;
    /** Each incident's guide as first shown: after the user runs a step, the step stays in place, marked done. */
    private final Map<String, Plan> guidesShown = new HashMap<>();
    /** The last guide made, for the incident it was made for. */
    private MadeGuide lastGuide;

    private record MadeGuide(String id, GuideService.Result result) {
    }
    private int generation;
    /** The History tab was shown: the history is read again whenever it is reset (the demo). */
    private boolean historyWanted;
    private boolean historyLoading;
    /** The first check, started before the window; used once. */
    private Early early;

    private record Early(CheckService.Request request, CompletableFuture<CheckReport> report) {
    }

    MainViewModel(WindowContext context, TaskRunner tasks, Messages text) {
        this.context = context;
        this.tasks = tasks;
        this.text = text;
        this.request = context.request();
        demo.set(request.demo());
        CompletableFuture<CheckReport> started = context.early().getAndSet(null);
        this.early = started == null ? null : new Early(WindowContext.kept(context.request()), started);
    }

    /** The runner the window's slow work goes through (the settings' writes too). */
    TaskRunner tasks() {
        return tasks;
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

    ReadOnlyObjectProperty<HealthService.Result> healthProperty() {
        return health.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<History> historyProperty() {
        return history.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<UpgradeReport> upgradeProperty() {
        return upgrade.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty upgradeBusyProperty() {
        return upgradeBusy.getReadOnlyProperty();
    }

    /** Is it safe to upgrade to Fedora {@code target}? Off the JavaFX thread, as every check. */
    void checkUpgrade(String target) {
        CheckService.Request asked = request;
        upgradeBusy.set(true);
        tasks.run(() -> context.upgrades().get().upgrade(asked, Optional.of(target)), r -> {
            upgradeBusy.set(false);
            upgrade.set(r);
        }, e -> {
            upgradeBusy.set(false);
            failure.set(text.get("error.upgrade", describe(e)));
        });
    }

    ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** Kept data first, then fresh feeds (unless offline or the demo, which have nothing to fetch). */
    void open() {
        boolean refreshAfter = !request.offline() && !request.demo();
        CheckService.Request kept = WindowContext.kept(request);
        Callable<CheckReport> first = early != null && early.request().equals(kept)
                ? early.report()::join : () -> context.checks().get().check(kept);
        early = null;
        run(first, text.get("progress.reading"), refreshAfter ? this::refresh : () -> { });
    }

    /** Checks again, fetching the feeds. */
    void refresh() {
        check(request);
    }

    /**
     * What the user asks for with Check again (the button, F5): the same, with fresh repository
     * metadata first, downloaded as the user into Preflight's own cache.
     */
    void checkAgain() {
        check(request.refreshing());
    }

    private void check(CheckService.Request asked) {
        run(() -> context.checks().get().check(asked), text.get(asked.offline() || asked.demo() ? "progress.reading"
                : asked.refresh() ? "progress.refreshing" : "progress.fetching"), () -> { });
    }

    /** Switches to the bundled sample system and feed. */
    void openDemo() {
        switchTo(new CheckService.Request(Optional.empty(), List.of(), true, true));
    }

    /** Back from the demo to the system the window was opened for (unless it was opened on the demo). */
    void leaveDemo() {
        CheckService.Request mine = context.request();
        switchTo(mine.demo() ? new CheckService.Request(Optional.empty(), List.of(), false, false) : mine);
    }

    private void switchTo(CheckService.Request asked) {
        request = asked;
        guidesShown.clear();
        lastGuide = null;
        demo.set(asked.demo());
        history.set(null);
        health.set(null);
        report.set(null);
        open();
        if (historyWanted) {
            loadHistory();
        }
    }

    /**
     * Loads the whole history once, on first need. It belongs to the system asked for, not to a
     * check: a refresh meanwhile does not make it stale (it did, and the tab stayed on "loading");
     * a switch to the demo does, and then the demo's is read.
     */
    void loadHistory() {
        historyWanted = true;
        if (history.get() != null || historyLoading) {
            return;
        }
        historyLoading = true;
        CheckService.Request asked = request;
        tasks.run(() -> context.checks().get().history(asked), h -> {
            historyLoading = false;
            if (asked == request) {
                history.set(h);
            } else {
                loadHistory();
            }
        }, e -> {
            historyLoading = false;
            failure.set(text.get("error.history", describe(e)));
        });
    }

    /**
     * The recovery guide for one incident: from the check on screen, or (again) from a fresh
     * reading of the system, which is what "Check again" asks for after the user ran a step.
     */
    void guide(String incidentId, boolean readAgain, Consumer<GuideService.Result> done, Consumer<String> failed) {
        CheckService.Request kept = WindowContext.kept(request);
        CheckReport shown = report.get();
        // The guide made with the check on screen already (the guide's own Check again hands its check to the window,
        // whose incident page is then drawn again): shown as it is, not asked of dnf a second time.
        if (!readAgain && lastGuide != null && lastGuide.id().equals(incidentId) && lastGuide.result().report() == shown) {
            done.accept(lastGuide.result());
            return;
        }
        Optional<Plan> before = Optional.ofNullable(guidesShown.get(incidentId));
        tasks.run(() -> context.guides().get().guide(incidentId,
                readAgain || shown == null ? context.checks().get().check(kept) : shown, kept, before), result -> {
                    result.plan().ifPresent(p -> guidesShown.putIfAbsent(incidentId, p));
                    lastGuide = new MadeGuide(incidentId, result);
                    done.accept(result);
                    // The system was read anew: the incident's badges, the lists and the banner follow it.
                    if (readAgain && !busy.get() && result.report().complete() && kept.equals(WindowContext.kept(request))) {
                        generation++;
                        report.set(result.report());
                    }
                }, e -> failed.accept(describe(e)));
    }

    /** Whether a guide was shown for the incident in this window: it stays, its done steps marked, after the incident no longer concerns. */
    boolean guideShown(String incidentId) {
        return guidesShown.containsKey(incidentId);
    }

    private void run(Callable<CheckReport> check, String what, Runnable then) {
        int mine = ++generation;
        busy.set(true);
        progress.set(what);
        failure.set(null);
        tasks.run(check, result -> {
            if (mine != generation) {
                return;
            }
            report.set(result);
            busy.set(false);
            progress.set("");
            then.run();
            // After what follows the check (the refresh after the first one): the verdict's work goes first.
            readHealth(result);
        }, e -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            progress.set("");
            failure.set(text.get(report.get() == null ? "error.check" : "error.checkKept", describe(e)));
        });
    }

    /**
     * The journal beside the history, with the packages the check read; extra to the verdict, so
     * a failure here is no failure of the check (it is said in the History tab).
     */
    private void readHealth(CheckReport checked) {
        CheckService.Request asked = WindowContext.kept(request);
        tasks.run(() -> context.healths().get().health(asked, Optional.empty(), HealthService.DEFAULT_DAYS, checked.system().installed()), h -> {
            if (asked.equals(WindowContext.kept(request))) {
                health.set(h);
            }
        }, e -> health.set(null));
    }

    /** One line for a person, never a stack trace; the type only when there is no message. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
