package org.fedoraproject.preflight.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.text.Messages;

/** The incidents: a list (those concerning this machine first) and the selected one's details. */
final class IncidentsView {

    private final SplitPane root;
    private final ListView<IncidentItem> list = new ListView<>();
    private final IncidentDetail detail;

    IncidentsView(MainViewModel model, Words words, Consumer<String> openLink,
                  Consumer<String> copy) {
        Messages text = words.text();
        list.setId("incident-list");
        list.setPlaceholder(new Label(text.get("incidents.none")));
        list.setAccessibleText(text.get("incidents.list"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(IncidentItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                Label id = new Label(item.id());
                id.getStyleClass().add(Styles.HEADING);
                Label relation = item.assessment()
                        .map(a -> Badge.of("relation", a.relation().id(), words.of("relation", a.relation().id())))
                        .orElse(Badge.of("relation", "none", text.get("relation.none")));
                Label severity = Badge.of("severity", item.incident().severity().id(), words.of("severity", item.incident().severity().id()));
                FlowPane top = new FlowPane(6, 4, id, relation, severity);
                top.setAlignment(Pos.CENTER_LEFT);
                top.prefWrapLengthProperty().bind(list.widthProperty().subtract(40));
                Label title = new Label(item.incident().title());
                title.setWrapText(true);
                title.setMinWidth(0);
                title.prefWidthProperty().bind(list.widthProperty().subtract(40));
                title.maxWidthProperty().bind(list.widthProperty().subtract(40));
                // Its full height, every line: a list cell would otherwise cut a wrapped title to one line and "...".
                title.setMinHeight(Region.USE_PREF_SIZE);
                VBox cell = new VBox(2, top, title);
                setGraphic(cell);
                setTooltip(new Tooltip(item.incident().title()));
                setAccessibleText(item.id() + ", " + relation.getText() + ", " + severity.getText() + ": " + item.incident().title());
            }
        });
        list.setMinWidth(240);
        list.setPrefWidth(340);

        detail = new IncidentDetail(model, words, openLink, copy);
        ScrollPane scroll = new ScrollPane(detail.root());
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("incident-detail-scroll");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            detail.show(item, model.reportProperty().get());
            // Another incident starts at its top; the same one, shown again after a refresh, stays where it was.
            if (a == null || item == null || !a.id().equals(item.id())) {
                scroll.setVvalue(0);
            }
        });

        root = new SplitPane(list, scroll);
        root.setDividerPositions(0.34);
        root.setPadding(new Insets(0));
        model.reportProperty().addListener((o, a, report) -> show(report));
        show(model.reportProperty().get());
    }

    Node root() {
        return root;
    }

    ListView<IncidentItem> list() {
        return list;
    }

    /** Selects an incident by id (from the updates table); false when the list does not have it. */
    boolean select(String id) {
        for (IncidentItem item : list.getItems()) {
            if (item.id().equals(id)) {
                list.getSelectionModel().select(item);
                list.scrollTo(item);
                return true;
            }
        }
        return false;
    }

    private void show(CheckReport report) {
        String selected = list.getSelectionModel().getSelectedItem() == null ? null
                : list.getSelectionModel().getSelectedItem().id();
        list.getItems().setAll(report == null ? List.of() : IncidentItem.of(report));
        // Nothing is selected for the user: a selection would prepare a guide (and ask dnf) unasked.
        if (selected == null || !select(selected)) {
            detail.show(null, report);
        }
    }
}
