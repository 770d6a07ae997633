package org.fedoraproject.preflight.ui;

import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.fedoraproject.preflight.adapter.files.Autostart;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.text.Messages;

/**
 * The settings as the Settings tab edits them. A change applies at once to {@code settings}
 * (so that the next edit builds on it) and is written off the JavaFX thread — settings.json,
 * and the autostart entry when "start at login" changed; the writes keep their order. A write
 * that fails is said in {@code state}, and the settings go back to the last ones kept.
 */
final class SettingsViewModel {

    private final SettingsStore store;
    private final TaskRunner tasks;
    private final Messages text;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final Object writing = new Object();
    private Settings kept;
    private long asked;
    private long written;

    SettingsViewModel(SettingsStore store, TaskRunner tasks, Messages text, Settings initial) {
        this.store = store;
        this.tasks = tasks;
        this.text = text;
        this.kept = initial;
        settings.set(initial);
    }

    ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Applies {@code edit} now; writes it in the background, then runs {@code saved} (on the JavaFX thread). */
    void change(UnaryOperator<Settings> edit, Runnable saved) {
        Settings before = settings.get();
        Settings next = edit.apply(before);
        settings.set(next);
        long mine = ++asked;
        tasks.run(() -> {
            synchronized (writing) {
                if (mine < written) {
                    return next; // a later change was written already: this one is in it
                }
                store.save(next);
                if (next.startAtLogin() != kept.startAtLogin()) {
                    // $XDG_CONFIG_HOME/preflight/settings.json → $XDG_CONFIG_HOME/autostart
                    new Autostart(store.file().getParent().getParent()).apply(next.startAtLogin());
                }
                kept = next;
                written = mine;
                return next;
            }
        }, done -> {
            state.set(text.get("settings.saved", store.file()));
            saved.run();
        }, e -> {
            synchronized (writing) {
                settings.set(kept);
            }
            state.set(text.get("settings.notSaved", store.file(), MainViewModel.describe(e)));
        });
    }
}
