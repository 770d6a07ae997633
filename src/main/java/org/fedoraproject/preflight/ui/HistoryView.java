package org.fedoraproject.preflight.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.text.Messages;

/**
 * The transaction history, dnf5's, dnf4's and rpm-ostree's merged, newest first; searchable by
 * package, command and id. A transaction that brought a version now known to be affected is
 * highlighted and says which incident.
 */
final class HistoryView {

    private final VBox root;
    private final ObservableList<Transaction> rows = FXCollections.observableArrayList();
    private final FilteredList<Transaction> filtered = new FilteredList<>(rows);
    private final TableView<Transaction> table = new TableView<>(filtered);
    private final TextField search = new TextField();
    private final Label problems = new Label();
    /** "dnf5 #117" → the incidents whose affected version that transaction brought. */
    private final Map<String, String> brought = new HashMap<>();
    /** "dnf5 #117" → what the journal says of the time after it, when it is a suspect. */
    private final Map<String, String> suspected = new HashMap<>();
    /** The machine's journal, for each transaction's "after it". */
    private HealthService.Result health;

    /** The suspect transactions with what to do: the way back, copyable, and the report, opened only on a click. */
    private final VBox suspects = new VBox(6);
    private final Consumer<String> openLink;
    private final Consumer<String> copy;
    private final Words words;

    HistoryView(MainViewModel model, Words words, Consumer<String> openLink, Consumer<String> copy) {
        this.openLink = openLink;
        this.copy = copy;
        this.words = words;
        Messages text = words.text();
        suspects.setId("history-suspects");
        suspects.getStyleClass().add(Styles.SUSPECT);
        suspects.managedProperty().bind(suspects.visibleProperty());
        // Its own height, whole: the history below gives way, not the sentences above it.
        suspects.setMinHeight(Region.USE_PREF_SIZE);
        suspects.setVisible(false);
        search.setId("history-search");
        Keys.escapeClears(search);
        search.setPromptText(text.get("history.search"));
        search.setAccessibleText(text.get("history.search"));
        search.textProperty().addListener((o, a, b) -> refilter());
        HBox.setHgrow(search, Priority.ALWAYS);

        table.setId("history-table");
        table.setPlaceholder(new Label(text.get("history.loading")));
        TableColumn<Transaction, String> id = new TableColumn<>(text.get("history.col.id"));
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        id.setPrefWidth(110);
        TableColumn<Transaction, String> when = new TableColumn<>(text.get("history.col.when"));
        when.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(words.dateTime(c.getValue().start())));
        when.setComparator((a, b) -> 0);
        when.setSortable(false);
        when.setPrefWidth(200);
        TableColumn<Transaction, String> what = new TableColumn<>(text.get("history.col.what"));
        what.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().description()));
        what.setPrefWidth(280);
        TableColumn<Transaction, Number> count = new TableColumn<>(text.get("history.col.packages"));
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().items().size()));
        count.setPrefWidth(80);
        TableColumn<Transaction, String> after = new TableColumn<>(text.get("history.col.after"));
        after.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(afterIt(c.getValue(), text)));
        after.setPrefWidth(130);
        TableColumn<Transaction, String> note = new TableColumn<>(text.get("history.col.note"));
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.join(" ", Stream.of(
                suspected.getOrDefault(c.getValue().label(), ""),
                brought.containsKey(c.getValue().label()) ? text.get("history.brought", brought.get(c.getValue().label())) : "")
                .filter(x -> !x.isEmpty()).toList())));
        note.setPrefWidth(220);
        table.getColumns().addAll(List.of(id, when, what, count, after, note));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Transaction item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass(Styles.HIGHLIGHT),
                        !empty && item != null && (brought.containsKey(item.label()) || suspected.containsKey(item.label())));
            }
        });

        ListView<String> items = new ListView<>();
        items.setId("history-items");
        items.setPlaceholder(new Label(text.get("history.pick")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> items.getItems().setAll(
                t == null ? List.of() : details(t, text, words)));
        SplitPane split = new SplitPane(table, items);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        VBox.setVgrow(split, Priority.ALWAYS);

        problems.setId("history-problems");
        problems.getStyleClass().add(Styles.MUTED);
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.visibleProperty());
        HBox tools = new HBox(8, search);
        tools.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, tools, problems, suspects, split);
        root.setPadding(new Insets(12));

        model.reportProperty().addListener((o, a, report) -> highlight(report));
        model.historyProperty().addListener((o, a, history) -> show(history, text));
        model.healthProperty().addListener((o, a, h) -> showHealth(h, text));
        showHealth(model.healthProperty().get(), text);
        highlight(model.reportProperty().get());
        show(model.historyProperty().get(), text);
    }

    Node root() {
        return root;
    }

    TextField search() {
        return search;
    }

    private void highlight(CheckReport report) {
        brought.clear();
        if (report != null) {
            for (IncidentAssessment i : report.assessment().incidents()) {
                for (AffectedInstall install : i.affected()) {
                    if (install.since().fromHistory() && install.broughtBySince()) {
                        brought.merge(install.since().source() + " #" + install.since().transaction(), i.id(),
                                (x, y) -> x.contains(y) ? x : x + ", " + y);
                    }
                }
            }
        }
        table.refresh();
    }

    private void showHealth(HealthService.Result result, Messages text) {
        health = result;
        suspected.clear();
        suspects.getChildren().clear();
        if (result != null) {
            result.leads().forEach(lead -> suspects.getChildren().add(lead(lead, text)));
        }
        suspects.setVisible(!suspects.getChildren().isEmpty());
        if (result != null) {
            for (Suspect s : result.report().suspects()) {
                suspected.merge(s.transaction().label(), text.get("history.suspect", String.join(", ", s.executables()),
                        s.crashesAfter(), s.crashesBefore()), (x, y) -> x + " " + y);
            }
        }
        table.refresh();
    }

    /** One suspect: what happened, the way back (or that it is done), and the report for the user to open. */
    private Node lead(HealthService.Lead lead, Messages text) {
        Suspect s = lead.suspect();
        Label title = new Label(text.get("history.lead.title", s.transaction().source().id(), s.transaction().id(), s.source(),
                s.before().isEmpty() ? "—" : s.before(), s.after(), words.dateTime(s.transaction().start())));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        VBox box = new VBox(6, title);
        if (!s.unitsOnly()) {
            box.getChildren().add(IncidentDetail.paragraph(text.get(s.crashesBefore() == 0 ? "history.lead.noneBefore"
                    : "history.lead.before", String.join(", ", s.executables()), s.crashesAfter(), s.crashesBefore())));
        }
        if (s.unitFailuresAfter() > 0) {
            box.getChildren().add(IncidentDetail.paragraph(text.get("cli.health.unitsFailed", String.join(", ", s.units()),
                    s.unitFailuresAfter(), s.unitFailuresBefore())));
        }
        if (lead.wentBack()) {
            box.getChildren().add(IncidentDetail.paragraph(text.get("cli.health.wentBack", s.source(), s.before())));
        }
        for (ShellCommand c : lead.goBack()) {
            Label back = new Label(text.get("history.lead.goBack"));
            back.setMinWidth(Region.USE_PREF_SIZE);
            Node command = IncidentDetail.CommandLine.of(c.display(), text, copy);
            HBox.setHgrow(command, Priority.ALWAYS);
            HBox line = new HBox(8, back, command);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        Hyperlink report = new Hyperlink(text.get("history.lead.report"));
        report.setId("history-report");
        report.setOnAction(e -> openLink.accept(lead.bugzillaUrl()));
        Hyperlink bodhi = new Hyperlink(text.get("history.lead.bodhi"));
        bodhi.setOnAction(e -> openLink.accept(lead.bodhiUrl()));
        Label description = IncidentDetail.paragraph(lead.description());
        description.setId("history-report-text");
        description.getStyleClass().add(Styles.MUTED);
        // The report in full behind a disclosure: the box stays small above the history, and nothing is hidden from a click.
        TitledPane prepared = new TitledPane(text.get("history.lead.prepared"), new VBox(6,
                IncidentDetail.paragraph(text.get("history.lead.reportWhat")), description));
        prepared.setId("history-report-pane");
        prepared.setExpanded(false);
        prepared.setAnimated(false);
        box.getChildren().addAll(new HBox(12, report, bodhi), prepared);
        return box;
    }

    /** The crashes and failed units between a transaction and the next one: the Reliability Monitor's column. */
    private String afterIt(Transaction t, Messages text) {
        if (health == null) {
            return "";
        }
        Instant end = nextStart(t);
        long crashes = health.report().evidence().crashes().stream().filter(c -> !c.at().isBefore(t.start()) && c.at().isBefore(end))
                .count();
        long failures = health.report().evidence().failures().stream().filter(f -> !f.at().isBefore(t.start()) && f.at().isBefore(end))
                .count();
        List<String> parts = new ArrayList<>();
        if (crashes > 0) {
            parts.add(text.get("history.crashes", crashes));
        }
        if (failures > 0) {
            parts.add(text.get("history.failures", failures));
        }
        return String.join(", ", parts);
    }

    private Instant nextStart(Transaction t) {
        return rows.stream().map(Transaction::start).filter(s -> s.isAfter(t.start())).min(Instant::compareTo).orElse(Instant.MAX);
    }

    /** A transaction's packages, then what the journal recorded until the next one. */
    private List<String> details(Transaction t, Messages text, Words words) {
        List<String> lines = new ArrayList<>();
        // The suspect's sentence in full first: the table's note column cuts it at its width.
        Optional.ofNullable(suspected.get(t.label())).ifPresent(lines::add);
        t.items().stream().map(i -> describe(i, text)).forEach(lines::add);
        if (health != null) {
            Instant end = nextStart(t);
            health.report().evidence().crashes().stream().filter(c -> !c.at().isBefore(t.start()) && c.at().isBefore(end))
                    .forEach(c -> lines.add(text.get("history.crash", words.dateTime(c.at()), c.executable())));
            health.report().evidence().failures().stream().filter(f -> !f.at().isBefore(t.start()) && f.at().isBefore(end))
                    .forEach(f -> lines.add(text.get("history.unitFailed", words.dateTime(f.at()), f.unit())));
        }
        return lines;
    }

    private void show(History history, Messages text) {
        if (history == null) {
            rows.clear();
            problems.setVisible(false);
            table.setPlaceholder(new Label(text.get("history.loading")));
            return;
        }
        table.setPlaceholder(new Label(text.get("history.none")));
        rows.setAll(history.transactions());
        problems.setText(history.problems().stream().map(p -> text.get("history.problem", p.message()))
                .collect(Collectors.joining("\n")));
        problems.setVisible(!history.problems().isEmpty());
        refilter();
    }

    private void refilter() {
        String needle = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(t -> needle.isEmpty()
                || t.label().toLowerCase(Locale.ROOT).contains(needle)
                || t.description().toLowerCase(Locale.ROOT).contains(needle)
                || t.items().stream().anyMatch(i -> i.nevra().toString().toLowerCase(Locale.ROOT).contains(needle)));
    }

    private static String describe(TransactionItem item, Messages text) {
        String replaced = item.replaced().isEmpty() ? ""
                : " " + text.get("history.replacing", item.replaced().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")));
        return text.get("action." + item.action().id()) + "  " + item.nevra() + replaced;
    }
}
