package org.fedoraproject.preflight.ui;

import atlantafx.base.controls.ToggleSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.geometry.HorizontalDirection;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.adapter.files.Settings;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.SettingsEditor;
import org.fedoraproject.preflight.text.Messages;

/**
 * The settings, saved to {@code $XDG_CONFIG_HOME/preflight/settings.json} as soon as they change:
 * the feeds (each with its state from the last check; add one with its key, remove one), how
 * often the background checks run, notifications, and starting in the tray at login. A change is
 * written off the JavaFX thread (SettingsViewModel); one that cannot be kept is said, and the
 * settings go back to those kept.
 */
final class SettingsView {

    private final ScrollPane root;
    private final SettingsStore store;
    private final MainViewModel model;
    private final Words words;
    private final ListView<FeedSource> feeds = new ListView<>();
    private final TextField url = new TextField();
    private final TextArea key = new TextArea();
    private CheckBox local;
    private final Label feedError = new Label();
    private final Label saved = new Label();
    private Settings settings;
    private SettingsViewModel settingsModel;

    SettingsView(MainViewModel model, Words words, SettingsStore store, boolean noTray, TaskRunner tasks) {
        this.store = store;
        this.model = model;
        this.words = words;
        Label loading = new Label(words.text().get("settings.loading"));
        loading.setPadding(new Insets(16));
        root = new ScrollPane(loading);
        root.setFitToWidth(true);
        model.reportProperty().addListener((o, a, r) -> feeds.refresh());
        // settings.json is read off the JavaFX thread too; the controls are made once it is.
        tasks.run(store::load, loaded -> build(loaded, noTray, tasks),
                e -> loading.setText(words.text().get("settings.notRead", store.file(), MainViewModel.describe(e))));
    }

    private void build(SettingsStore.Loaded loaded, boolean noTray, TaskRunner tasks) {
        Messages text = words.text();
        settings = loaded.settings();
        settingsModel = new SettingsViewModel(store, tasks, text, settings);
        settingsModel.settingsProperty().addListener((o, a, now) -> {
            settings = now;
            feeds.getItems().setAll(now.feeds());
        });
        settingsModel.stateProperty().addListener((o, a, now) -> saved.setText(now));

        feeds.setId("settings-feeds");
        feeds.setPrefHeight(150);
        feeds.setPlaceholder(new Label(text.get("settings.noFeeds")));
        feeds.setAccessibleText(text.get("settings.feeds"));
        feeds.setCellFactory(v -> new FeedCell());
        feeds.getItems().setAll(settings.feeds());
        Button remove = new Button(text.get("settings.remove"));
        remove.setId("settings-remove-feed");
        remove.disableProperty().bind(feeds.getSelectionModel().selectedItemProperty().isNull());
        Button undo = new Button();
        undo.setId("settings-undo-remove");
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setVisible(false);
        remove.setOnAction(e -> {
            FeedSource gone = feeds.getSelectionModel().getSelectedItem();
            if (gone != null) {
                int at = settings.feeds().indexOf(gone);
                change(s -> SettingsEditor.removeFeed(s, gone.url()), () -> {
                    model.refresh();
                    // A removal can be taken back: the feed returns where it was, with its key.
                    undo.setText(text.get("settings.undoRemove", gone.url()));
                    undo.setVisible(true);
                    undo.setOnAction(x -> {
                        undo.setVisible(false);
                        change(s -> {
                            List<FeedSource> list = new ArrayList<>(s.feeds());
                            list.add(Math.max(0, Math.min(at, list.size())), gone);
                            return s.withFeeds(list);
                        }, model::refresh);
                    });
                });
            }
        });

        url.setId("settings-feed-url");
        url.setPromptText(text.get("settings.feedPrompt"));
        url.setAccessibleText(text.get("settings.url"));
        key.setId("settings-feed-key");
        key.setPromptText(text.get("settings.keyPrompt"));
        key.setAccessibleText(text.get("settings.key"));
        key.setPrefRowCount(3);
        key.getStyleClass().add(Styles.MONO);
        local = new CheckBox(text.get("settings.local"));
        local.setId("settings-feed-local");
        Button add = new Button(text.get("settings.add"));
        add.setId("settings-add-feed");
        add.setDefaultButton(false);
        add.setOnAction(e -> addFeed());
        url.setOnAction(e -> addFeed());
        feedError.setId("settings-feed-error");
        feedError.getStyleClass().add(Styles.DANGER_TEXT);
        feedError.setWrapText(true);
        feedError.managedProperty().bind(feedError.visibleProperty());
        feedError.setVisible(false);

        Spinner<Integer> interval = new Spinner<>(SettingsEditor.MIN_INTERVAL_HOURS, SettingsEditor.MAX_INTERVAL_HOURS,
                (int) Math.max(1, settings.checkInterval().toHours()));
        interval.setId("settings-interval");
        interval.setEditable(true);
        interval.setPrefWidth(100);
        interval.setAccessibleText(text.get("settings.interval"));
        interval.valueProperty().addListener((o, a, hours) -> change(s -> SettingsEditor.interval(s, hours), () -> { }));
        ToggleSwitch notifications = toggle("settings-notifications", text.get("settings.notifications"),
                settings.notifications(), Settings::withNotifications, false);
        ToggleSwitch login = toggle("settings-start-at-login", text.get("settings.startAtLogin"),
                settings.startAtLogin(), Settings::withStartAtLogin, false);
        ToggleSwitch bodhi = toggle("settings-bodhi", text.get("settings.bodhi"), settings.bodhi(), Settings::withBodhi, true);
        ToggleSwitch commonIssues = toggle("settings-common-issues", text.get("settings.commonIssues"), settings.commonIssues(),
                Settings::withCommonIssues, true);
        ToggleSwitch bugzilla = toggle("settings-bugzilla", text.get("settings.bugzilla"), settings.bugzilla(),
                Settings::withBugzilla, true);

        Label trayNote = new Label(text.get("settings.noTray"));
        trayNote.setId("settings-no-tray");
        trayNote.setWrapText(true);
        trayNote.getStyleClass().add(Styles.MUTED);
        trayNote.setVisible(noTray);
        trayNote.managedProperty().bind(trayNote.visibleProperty());

        saved.setId("settings-saved");
        saved.getStyleClass().add(Styles.MUTED);
        saved.setWrapText(true);
        saved.setText(loaded.problems().isEmpty() ? text.get("settings.keptIn", store.file())
                : loaded.problems().stream().map(p -> text.get("settings.problem", p)).collect(Collectors.joining(" ")));

        // A feed's key can be changed in place (or cleared: then the trusted keys verify it).
        Button editKey = new Button(text.get("settings.editKey"));
        editKey.setId("settings-edit-key");
        editKey.disableProperty().bind(feeds.getSelectionModel().selectedItemProperty().isNull());
        TextArea newKey = new TextArea();
        newKey.setId("settings-new-key");
        newKey.setPrefRowCount(3);
        newKey.getStyleClass().add(Styles.MONO);
        Button saveKey = new Button(text.get("settings.saveKey"));
        saveKey.setId("settings-save-key");
        VBox keyEditor = new VBox(6, newKey, saveKey);
        keyEditor.managedProperty().bind(keyEditor.visibleProperty());
        keyEditor.setVisible(false);
        editKey.setOnAction(e -> {
            FeedSource feed = feeds.getSelectionModel().getSelectedItem();
            newKey.setText(feed.publicKey().orElse("").strip());
            newKey.setAccessibleText(text.get("settings.keyOf", feed.url()));
            keyEditor.setVisible(true);
            newKey.requestFocus();
            saveKey.setOnAction(x -> editFeeds(() -> SettingsEditor.changeKey(settings, feed.url(), newKey.getText()),
                    () -> keyEditor.setVisible(false)));
        });
        HBox feedButtons = new HBox(8, remove, editKey, undo);
        HBox addRow = new HBox(8, local, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(url, Priority.ALWAYS);
        HBox intervalRow = new HBox(8, new Label(text.get("settings.interval")), interval, new Label(text.get("settings.hours")));
        intervalRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10,
                IncidentDetail.section(text.get("settings.feeds")), feeds, feedButtons, keyEditor,
                IncidentDetail.section(text.get("settings.addFeed")), labelled(text.get("settings.url"), url),
                labelled(text.get("settings.key"), key), addRow, feedError,
                IncidentDetail.section(text.get("settings.signals")), bodhi, commonIssues, bugzilla,
                IncidentDetail.section(text.get("settings.background")), intervalRow, notifications, login, trayNote,
                saved);
        content.setPadding(new Insets(16));
        content.setId("settings-content");
        root.setContent(content);
    }

    Node root() {
        return root;
    }

    /**
     * A setting that is on or off, saved when changed; some change what a check reads, so check
     * again. A switch, as GNOME's settings have them (AtlantaFX's ToggleSwitch), its label first.
     */
    private ToggleSwitch toggle(String id, String label, boolean on,
                                                       BiFunction<Settings, Boolean, Settings> edit,
                                                       boolean checkAgain) {
        ToggleSwitch box = new ToggleSwitch(label);
        box.setLabelPosition(HorizontalDirection.LEFT);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setId(id);
        box.setSelected(on);
        box.selectedProperty().addListener((o, a, now) -> {
            change(s -> edit.apply(s, now), checkAgain ? model::refresh : () -> { });
        });
        return box;
    }

    private static Node labelled(String title, Node field) {
        Label label = new Label(title);
        label.setLabelFor(field);
        return new VBox(4, label, field);
    }

    private void addFeed() {
        editFeeds(() -> SettingsEditor.addFeed(settings, url.getText(), key.getText(), local.isSelected()), () -> {
            url.clear();
            key.clear();
            local.setSelected(false);
        });
    }

    /**
     * A change to the feeds that may be refused (a bad address, a bad key): refused, the reason is
     * said and nothing changes; accepted, {@code accepted} runs and the change is kept.
     */
    private void editFeeds(Supplier<Settings> make, Runnable accepted) {
        try {
            Settings next = make.get();
            accepted.run();
            feedError.setVisible(false);
            change(s -> next, model::refresh);
        } catch (SettingsEditor.Refused e) {
            feedError.setText(words.text().render(e.reason()));
            feedError.setVisible(true);
        }
    }

    /** Applies a change now; it is written off the JavaFX thread (SettingsViewModel). */
    private void change(UnaryOperator<Settings> edit, Runnable saved) {
        settingsModel.change(edit, saved);
    }

    /** A feed and its state in the last check. */
    private final class FeedCell extends ListCell<FeedSource> {
        @Override
        protected void updateItem(FeedSource feed, boolean empty) {
            super.updateItem(feed, empty);
            if (empty || feed == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Messages text = words.text();
            Label address = new Label(feed.url().toString());
            address.getStyleClass().add(Styles.HEADING);
            CheckReport report = model.reportProperty().get();
            Optional<FeedStatus> status = report == null ? Optional.empty()
                    : report.feeds().stream().filter(f -> f.url().equals(feed.url().toString())).findFirst();
            Label state = new Label(state(status, report));
            state.setId("settings-feed-state");
            // A feed that never answered with a feed it could verify is failing, said in the error's colour.
            state.getStyleClass().add(status.filter(FeedStatus::failing).isPresent() ? Styles.DANGER_TEXT : Styles.MUTED);
            state.setWrapText(true);
            String keyWords = feed.publicKey().isPresent() ? text.get("settings.ownKey") : text.get("settings.anyKey");
            Label keyLabel = new Label(keyWords + (feed.local() ? " · " + text.get("settings.localTag") : ""));
            keyLabel.getStyleClass().add(Styles.MUTED);
            setText(null);
            setGraphic(new VBox(2, address, state, keyLabel));
        }

        private String state(Optional<FeedStatus> status, CheckReport report) {
            Messages text = words.text();
            if (status.isEmpty()) {
                return text.get(model.busyProperty().get() ? "settings.fetching" : "settings.notChecked");
            }
            FeedStatus s = status.get();
            if (s.failing()) {
                return text.get("settings.failing", s.problem().get().what());
            }
            // With a problem, the time is that of the copy kept from before, never "fetched just now".
            String fetched = s.fetched().map(t -> text.get(s.error().isPresent() ? "settings.keptFrom" : "settings.fetched",
                    words.ago(t, report.at()))).orElse(text.get("settings.neverFetched"));
            return s.problem().map(e -> fetched + " · " + text.get("settings.problem", e.what())).orElse(fetched)
                    + (s.stale() ? " · " + text.get("settings.stale") : "");
        }
    }
}
