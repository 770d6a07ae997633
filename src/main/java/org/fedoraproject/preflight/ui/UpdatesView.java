package org.fedoraproject.preflight.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.UpdateReasons;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.text.Messages;

/**
 * The pending updates: name, from → to, verdict badge and the incidents they relate to (links
 * to the incident). Held ones first, then caution, then the rest by name; a filter by name and
 * one by verdict. Column headers sort as usual.
 */
final class UpdatesView {

    /** Verdict filter choices; ALL shows everything. */
    enum Show { ALL, HOLD, CAUTION, OK, UNKNOWN }

    static final Comparator<UpdateAssessment> HELD_FIRST = Comparator
            .comparing((UpdateAssessment u) -> -u.verdict().ordinal())
            .thenComparing(u -> u.update().nevra().name());

    private final VBox root;
    private final TableView<UpdateAssessment> table = new TableView<>();
    private final ObservableList<UpdateAssessment> rows = FXCollections.observableArrayList();
    private final FilteredList<UpdateAssessment> filtered = new FilteredList<>(rows);
    private final TextField search = new TextField();
    private final ComboBox<Show> show = new ComboBox<>();

    private final VBox commonIssues = new VBox(2);
    private final Label why = new Label();
    /** The names of pending updates that come in more than one arch. */
    private Set<String> twoArches = Set.of();
    /** "No pending updates" only once a check said so; before, that they are being read. */
    private final Label placeholder = new Label();
    private CheckReport shown;
    private TableColumn<UpdateAssessment, String> bodhiColumn;

    UpdatesView(MainViewModel model, Words words, Consumer<String> openIncident, Consumer<String> openLink) {
        Messages text = words.text();
        search.setId("updates-filter");
        search.setPromptText(text.get("updates.filter"));
        search.setAccessibleText(text.get("updates.filter"));
        HBox.setHgrow(search, Priority.ALWAYS);
        show.setId("updates-show");
        show.getItems().setAll(Show.values());
        show.setValue(Show.ALL);
        show.setConverter(new StringConverter<>() {
            @Override
            public String toString(Show s) {
                return s == null ? "" : text.get("updates.show." + s.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Show fromString(String s) {
                return Show.ALL;
            }
        });
        show.setAccessibleText(text.get("updates.showLabel"));
        search.textProperty().addListener((o, a, b) -> refilter());
        show.valueProperty().addListener((o, a, b) -> refilter());

        table.setId("updates-table");
        // Dense rows: six and more of them fit under the banner in a 700×500 window.
        table.getStyleClass().add(Styles.DENSE);
        // With no rows, what Preflight checks and where its data comes from: a first run teaches.
        Label what = new Label(text.get("updates.whatIsChecked"));
        what.setWrapText(true);
        what.getStyleClass().add(Styles.MUTED);
        what.setMaxWidth(560);
        placeholder.getStyleClass().add(Styles.HEADING);
        placeholder.setWrapText(true);
        VBox empty = new VBox(10, placeholder, what);
        empty.setAlignment(Pos.CENTER);
        empty.setPadding(new Insets(16));
        empty.setId("updates-empty");
        table.setPlaceholder(empty);
        // The arch where two rows would otherwise read the same (x86_64 and i686 of one package).
        table.getColumns().add(column(text.get("updates.col.name"), u -> u.update().nevra().name()
                + (twoArches.contains(u.update().nevra().name()) ? "." + u.update().nevra().arch() : ""), 200, 150));
        table.getColumns().add(column(text.get("updates.col.fromTo"),
                u -> u.from().map(Object::toString).orElse(text.get("updates.new")) + "  →  " + u.update().nevra().evr(), 240, 230));
        table.getColumns().add(verdictColumn(words));
        bodhiColumn = column(text.get("updates.col.bodhi"), u -> shown == null ? ""
                : SignalJudge.bodhiOf(u.update(), shown.signals()).map(b -> text.get("updates.bodhi", b.status(), b.karma(),
                        b.negative().size())).orElse(""), 170, 100);
        bodhiColumn.setCellFactory(col -> new BodhiCell(openLink, text));
        table.getColumns().add(bodhiColumn);
        // Why last: the column that gives and takes the room as the window's width changes; the versions keep theirs.
        table.getColumns().add(whyColumn(words, openIncident));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<UpdateAssessment> sorted = new SortedList<>(filtered);
        // With no column sorted, held first; a click on a header sorts by that column.
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> table.getComparator() == null ? HELD_FIRST : table.getComparator(), table.comparatorProperty()));
        table.setItems(sorted);
        // Enter opens the row's first incident, as a click on its link does.
        Keys.enterActivates(table, u -> u.incidents().stream().findFirst().ifPresent(openIncident));
        Keys.escapeClears(search);
        VBox.setVgrow(table, Priority.ALWAYS);
        // The selected update's reasons in full, under the table: the row's cell gives the first.
        why.setId("update-why");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.managedProperty().bind(why.visibleProperty());
        why.setVisible(false);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> {
            List<String> reasons = u == null || shown == null ? List.of() : UpdateReasons.of(shown, u).all().stream().map(text::render)
                    .toList();
            why.setText(String.join("\n", reasons));
            why.setVisible(!reasons.isEmpty());
        });

        Label count = new Label();
        count.setId("updates-count");
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(Bindings.createStringBinding(
                () -> text.get("updates.count", filtered.size(), rows.size()), filtered, rows));
        HBox tools = new HBox(8, search, show, count);
        tools.setAlignment(Pos.CENTER_LEFT);
        commonIssues.setId("common-issues");
        commonIssues.managedProperty().bind(commonIssues.visibleProperty());
        this.openLink = openLink;
        this.text = text;
        root = new VBox(8, tools, table, why, commonIssues);
        root.setPadding(new Insets(12));

        model.reportProperty().addListener((o, a, report) -> show(report));
        show(model.reportProperty().get());
    }

    Node root() {
        return root;
    }

    TextField search() {
        return search;
    }

    /** Where the focus starts: the list the banner's verdict is about, not the banner's first link. */
    Node table() {
        return table;
    }

    private final Consumer<String> openLink;
    private final Messages text;

    private void show(CheckReport report) {
        shown = report;
        twoArches = report == null ? Set.of() : report.assessment().updates().stream()
                .collect(Collectors.groupingBy(u -> u.update().nevra().name(), Collectors.mapping(u -> u.update().nevra().arch(),
                        Collectors.toSet())))
                .entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        placeholder.setText(text.get(report == null ? "updates.reading" : "updates.none"));
        // An empty column only takes room from the others: Bodhi's shows when Bodhi said something.
        bodhiColumn.setVisible(report != null && report.assessment().updates().stream()
                .anyMatch(u -> SignalJudge.bodhiOf(u.update(), report.signals()).isPresent()));
        keepingPlace(() -> rows.setAll(report == null ? List.of() : report.assessment().updates()));
        commonIssues.getChildren().clear();
        commonIssues.setVisible(report != null && !report.signals().commonIssues().isEmpty());
        if (report == null || report.signals().commonIssues().isEmpty()) {
            return;
        }
        Label title = new Label(text.get("updates.commonIssues", report.signals().commonIssues().size()));
        title.getStyleClass().add(Styles.SECTION);
        commonIssues.getChildren().add(title);
        Map<CommonIssue, List<String>> named = report.looselyNamed();
        for (CommonIssue issue : report.signals().commonIssues()) {
            String loose = named.get(issue).isEmpty() ? "" : "  " + text.get("updates.looseMatch", String.join(", ", named.get(issue)));
            Hyperlink link = new Hyperlink(issue.title() + loose);
            link.setOnAction(e -> openLink.accept(issue.url()));
            link.setAccessibleText(text.get("incident.openLink", issue.url()));
            commonIssues.getChildren().add(link);
        }
    }

    /**
     * The rows replaced by a new check, the place kept: the same update (by name and arch) stays
     * selected, and the first row in view stays first, so that Check again does not jump.
     */
    private void keepingPlace(Runnable replace) {
        UpdateAssessment selected = table.getSelectionModel().getSelectedItem();
        int top = table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null
                ? flow.getFirstVisibleCell().getIndex() : -1;
        replace.run();
        if (selected != null) {
            table.getItems().stream().filter(u -> u.update().nevra().name().equals(selected.update().nevra().name())
                    && u.update().nevra().arch().equals(selected.update().nevra().arch())).findFirst()
                    .ifPresent(u -> table.getSelectionModel().select(u));
        }
        if (top > 0 && top < table.getItems().size()) {
            table.scrollTo(top);
        }
    }

    private void refilter() {
        String needle = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        Show which = show.getValue() == null ? Show.ALL : show.getValue();
        filtered.setPredicate(u -> u.update().nevra().name().toLowerCase(Locale.ROOT).contains(needle)
                && (which == Show.ALL || u.verdict().name().equals(which.name())));
    }

    /**
     * What Bodhi said of an update: its status and karma; the tooltip gives the negative comments
     * and the bugs, and a click opens the update in Bodhi (https only).
     */
    private final class BodhiCell extends TableCell<UpdateAssessment, String> {
        private final Consumer<String> open;
        private final Messages words;

        BodhiCell(Consumer<String> open, Messages words) {
            this.open = open;
            this.words = words;
        }

        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            setText(null);
            UpdateAssessment u = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            var bodhi = u == null || shown == null ? Optional.<BodhiUpdate>empty()
                    : SignalJudge.bodhiOf(u.update(), shown.signals());
            if (bodhi.isEmpty() || v == null || v.isEmpty()) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            var b = bodhi.get();
            Hyperlink link = new Hyperlink(v);
            link.setFocusTraversable(false);
            link.setOnAction(e -> {
                if (b.url().startsWith("https://")) {
                    open.accept(b.url());
                }
            });
            List<String> lines = new ArrayList<>(List.of(b.alias() + ": " + v));
            b.shownNegative().forEach(c -> lines.add(words.get("updates.bodhiComment", c.karma(), c.author(),
                    c.text().lines().findFirst().orElse(""))));
            if (b.negative().size() > b.shownNegative().size()) {
                lines.add(words.get("cli.signals.moreComments", b.negative().size() - b.shownNegative().size()));
            }
            b.shownBugs().forEach(bug -> lines.add(words.get("updates.bodhiBug", bug.id(), bug.title())));
            link.setAccessibleText(String.join(". ", lines));
            setGraphic(link);
            setTooltip(new Tooltip(String.join("\n", lines)));
        }
    }

    /** A text column that never shrinks below {@code min}; a cell cut short shows its whole text as a tooltip. */
    private static TableColumn<UpdateAssessment, String> column(String title, Function<UpdateAssessment, String> value,
                                                               double width, double min) {
        TableColumn<UpdateAssessment, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null || v.isEmpty() ? null : new Tooltip(v));
            }
        });
        c.setPrefWidth(width);
        c.setMinWidth(min);
        return c;
    }

    private static TableColumn<UpdateAssessment, UpdateVerdict> verdictColumn(Words words) {
        TableColumn<UpdateAssessment, UpdateVerdict> c = new TableColumn<>(words.text().get("updates.col.verdict"));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().verdict()));
        c.setComparator(Comparator.comparing((UpdateVerdict v) -> -v.ordinal()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(UpdateVerdict v, boolean empty) {
                super.updateItem(v, empty);
                setText(null);
                setGraphic(empty || v == null ? null : Badge.of("verdict", v.id(), words.of("verdict", v.id())));
            }
        });
        c.setPrefWidth(110);
        c.setMinWidth(110); // the widest badge, "Not checked", whole
        return c;
    }

    /**
     * Why the update has its verdict, in the row: a "Security" badge for a security update, the
     * incidents it concerns (links that open them), then the first one's title or, without an
     * incident, the first reason (Bodhi's feedback); the tooltip and the line under the table give
     * all of them.
     */
    private TableColumn<UpdateAssessment, UpdateAssessment> whyColumn(Words words, Consumer<String> openIncident) {
        Messages m = words.text();
        TableColumn<UpdateAssessment, UpdateAssessment> c = new TableColumn<>(m.get("updates.col.why"));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(UpdateAssessment u, boolean empty) {
                super.updateItem(u, empty);
                setText(null);
                setTooltip(null);
                setGraphic(null);
                if (empty || u == null || shown == null) {
                    return;
                }
                UpdateReasons.Why why = UpdateReasons.of(shown, u);
                List<String> reasons = why.all().stream().map(m::render).toList();
                HBox line = new HBox(6);
                line.setAlignment(Pos.CENTER_LEFT);
                if (why.security()) {
                    line.getChildren().add(Badge.of("advisory", "security", m.get("updates.security")));
                }
                for (String id : u.incidents()) {
                    Hyperlink link = new Hyperlink(id);
                    link.setAccessibleText(m.get("updates.openIncident", id));
                    link.setOnAction(e -> openIncident.accept(id));
                    link.setMinWidth(Region.USE_PREF_SIZE);
                    // The table is one Tab stop: Enter on the row opens its incident, as the link does.
                    link.setFocusTraversable(false);
                    line.getChildren().add(link);
                }
                why.first().ifPresent(said -> {
                    Label first = new Label(said);
                    first.setMinWidth(0);
                    line.getChildren().add(first);
                });
                if (!line.getChildren().isEmpty()) {
                    setGraphic(line);
                    setTooltip(reasons.isEmpty() ? null : new Tooltip(String.join("\n", reasons)));
                    line.setAccessibleText(String.join(". ", reasons));
                }
            }
        });
        c.setPrefWidth(300);
        c.setMinWidth(120);
        return c;
    }

}
