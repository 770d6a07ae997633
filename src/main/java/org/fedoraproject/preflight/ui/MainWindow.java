package org.fedoraproject.preflight.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.text.Messages;

/**
 * The window's content: the verdict banner, an inline failure bar, and four tabs — pending
 * updates, incidents, history, settings. Keyboard: F5 checks again, Ctrl+F searches the current
 * tab, Ctrl+1…4 switch tabs; everything else is reachable with Tab.
 */
final class MainWindow {

    static final String UPDATES = "tab-updates";
    static final String INCIDENTS = "tab-incidents";
    static final String HISTORY = "tab-history";
    static final String SETTINGS = "tab-settings";

    private final BorderPane root = new BorderPane();
    private final MainViewModel model;
    private final Words words;
    private final Consumer<String> openLink;
    private final TabPane tabs = new TabPane();
    private final VerdictBanner banner;
    private final UpdatesView updates;
    // The other tabs are built when first shown: the window paints its verdict sooner.
    private final Lazy<IncidentsView> incidents;
    private final Lazy<HistoryView> history;
    private final Lazy<SettingsView> settings;

    MainWindow(MainViewModel model, Words words, WindowContext context, Consumer<String> copy) {
        this.model = model;
        this.words = words;
        this.openLink = context.openLink();
        Messages text = words.text();
        banner = new VerdictBanner(model, words, copy, this::showIncident, this::showAddFeed);
        updates = new UpdatesView(model, words, this::showIncident, context.openLink());
        incidents = new Lazy<>(() -> new IncidentsView(model, words, context.openLink(), copy));
        history = new Lazy<>(() -> new HistoryView(model, words, context.openLink(), copy));
        settings = new Lazy<>(() -> new SettingsView(model, words, context.settings(), context.tray().missing(), model.tasks()));

        tabs.getTabs().addAll(
                tab(UPDATES, text.get("tab.updates"), updates.root()),
                tab(INCIDENTS, text.get("tab.incidents"), null),
                tab(HISTORY, text.get("tab.history"), null),
                tab(SETTINGS, text.get("tab.settings"), null));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> build(tab));
        root.setTop(new VBox(banner.root(), new UpgradePanel(model, words, copy).root(), FailureBar.of(model, text)));
        root.setCenter(tabs);
        root.setId("main-window");
    }

    Parent root() {
        return root;
    }

    MainViewModel model() {
        return model;
    }

    VerdictBanner banner() {
        return banner;
    }

    TabPane tabs() {
        return tabs;
    }

    /** Keyboard shortcuts that work wherever the focus is. */
    void installShortcuts(Scene scene) {
        // The focus starts in the updates, not on the first link of the banner's list.
        Platform.runLater(() -> updates.table().requestFocus());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (!model.busyProperty().get()) {
                model.checkAgain();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (int k = 0; k < digits.length; k++) {
            int index = k;
            // Ctrl+N as before, and Alt+N as GNOME's tabbed applications have it.
            scene.getAccelerators().put(new KeyCodeCombination(digits[k], KeyCombination.SHORTCUT_DOWN),
                    () -> tabs.getSelectionModel().select(index));
            scene.getAccelerators().put(new KeyCodeCombination(digits[k], KeyCombination.ALT_DOWN),
                    () -> tabs.getSelectionModel().select(index));
        }
        // GNOME's own: Ctrl+W and Ctrl+Q close the window (the background, if it runs, stays), F1 is help,
        // Ctrl+? lists the shortcuts, Ctrl+, opens the settings.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> scene.getWindow().hide());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> scene.getWindow().hide());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> openLink.accept(HELP));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> shortcuts(scene));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> tabs.getSelectionModel().select(3));
        // GTK's notebook: Ctrl+Page Down and Ctrl+Page Up for the next and the previous tab, not wrapping. A filter,
        // not an accelerator: a table with the focus would take the keys for its own paging first.
        KeyCombination next = new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
        KeyCombination previous = new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (next.match(e) || previous.match(e)) {
                if (next.match(e)) {
                    tabs.getSelectionModel().selectNext();
                } else {
                    tabs.getSelectionModel().selectPrevious();
                }
                e.consume();
            }
        });
    }

    /** Where F1 leads: the user's part of the README. */
    static final String HELP = "https://github.com/fedora-preflight/preflight#readme";

    /** The keyboard shortcuts, as GNOME applications list them (Ctrl+?). */
    private void shortcuts(Scene scene) {
        Messages text = words.text();
        Alert list = new Alert(Alert.AlertType.INFORMATION);
        list.initOwner(scene.getWindow());
        list.setTitle(text.get("shortcuts.title"));
        list.setHeaderText(text.get("shortcuts.title"));
        // Two columns, the keys and what they do: each line of the list is "keys  what".
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        List<String> lines = text.get("shortcuts.list").lines().toList();
        for (int k = 0; k < lines.size(); k++) {
            String[] parts = lines.get(k).split(" {2}", 2);
            Label keys = new Label(parts[0]);
            keys.getStyleClass().add(Styles.TEXT_BOLD);
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(parts.length > 1 ? parts[1] : "");
            what.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(k, keys, what);
        }
        list.getDialogPane().setContent(grid);
        list.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        list.getDialogPane().setId("shortcuts");
        list.show();
    }

    /** The Settings tab, with the focus in the new feed's address. */
    void showAddFeed() {
        tabs.getSelectionModel().select(3);
        Platform.runLater(() -> {
            Node field = root.lookup("#settings-feed-url");
            if (field != null) {
                field.requestFocus();
            }
        });
    }

    void showIncident(String id) {
        tabs.getSelectionModel().select(1);
        if (incidents.get().select(id)) {
            incidents.get().list().requestFocus();
        }
    }

    private void build(Tab tab) {
        if (tab == null || tab.getContent() != null) {
            return;
        }
        switch (tab.getId()) {
            case INCIDENTS -> tab.setContent(incidents.get().root());
            case HISTORY -> {
                tab.setContent(history.get().root());
                model.loadHistory();
            }
            case SETTINGS -> tab.setContent(settings.get().root());
            default -> { }
        }
    }

    /** Made on first use, on the JavaFX thread. */
    private static final class Lazy<T> {
        private final Supplier<T> maker;
        private T value;

        Lazy(Supplier<T> maker) {
            this.maker = maker;
        }

        T get() {
            if (value == null) {
                value = maker.get();
            }
            return value;
        }
    }

    private void focusSearch() {
        String tab = tabs.getSelectionModel().getSelectedItem().getId();
        if (UPDATES.equals(tab)) {
            updates.search().requestFocus();
        } else if (HISTORY.equals(tab)) {
            history.get().search().requestFocus();
        } else if (INCIDENTS.equals(tab)) {
            incidents.get().list().requestFocus();
        }
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }
}
