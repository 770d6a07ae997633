package org.fedoraproject.preflight.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.IncidentAssessment;
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

    HistoryView(MainViewModel model, Words words) {
        Messages text = words.text();
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
        TableColumn<Transaction, String> note = new TableColumn<>(text.get("history.col.note"));
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                brought.containsKey(c.getValue().label()) ? text.get("history.brought", brought.get(c.getValue().label())) : ""));
        note.setPrefWidth(220);
        table.getColumns().addAll(List.of(id, when, what, count, note));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Transaction item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass(Styles.HIGHLIGHT),
                        !empty && item != null && brought.containsKey(item.label()));
            }
        });

        ListView<String> items = new ListView<>();
        items.setId("history-items");
        items.setPlaceholder(new Label(text.get("history.pick")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> items.getItems().setAll(
                t == null ? List.of() : t.items().stream().map(i -> describe(i, text)).toList()));
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
        root = new VBox(8, tools, problems, split);
        root.setPadding(new Insets(12));

        model.reportProperty().addListener((o, a, report) -> highlight(report));
        model.historyProperty().addListener((o, a, history) -> show(history, text));
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
