package org.fedoraproject.preflight.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.app.CheckSummary;
import org.fedoraproject.preflight.app.ToDo;
import org.fedoraproject.preflight.text.Messages;

/** The banner's list of what to do before updating: one summary's steps, rendered. */
final class ToDoList {

    private final VBox root = new VBox(6);
    private final Words words;
    private final Consumer<String> copy;
    private final Consumer<String> openIncident;

    ToDoList(Words words, Consumer<String> copy, Consumer<String> openIncident) {
        this.words = words;
        this.copy = copy;
        this.openIncident = openIncident;
        root.setId("verdict-todo");
        root.managedProperty().bind(root.visibleProperty());
        root.setVisible(false);
    }

    VBox root() {
        return root;
    }

    /**
     * The list of what to do before updating, as the terminal gives it: what the next restart
     * brings first (with the command that cancels it), each hold with its reason, then the command
     * that updates the rest. Each with its command to copy, and its incident a click away.
     */
    void show(CheckSummary summary) {
        Messages text = words.text();
        root.getChildren().clear();
        for (ToDo t : summary.todo()) {
            if (t.kind().holdsBack() || t.kind() == ToDo.Kind.REST) {
                root.getChildren().add(step(t, text));
            }
        }
        root.setVisible(!root.getChildren().isEmpty());
    }

    /**
     * One step in as little height as it can say itself: what the next restart brings in full (it
     * is the most urgent), a hold on one line (its incident, a click away, says the rest), the
     * rest as a short sentence beside its command.
     */
    private Node step(ToDo t, Messages text) {
        boolean rest = t.kind() == ToDo.Kind.REST && t.command().isPresent();
        Label what = new Label(text.render(rest ? t.brief() : t.text()));
        what.getStyleClass().add(Styles.TODO);
        if (t.kind() == ToDo.Kind.HOLD) {
            what.setTextOverrun(OverrunStyle.ELLIPSIS);
            what.setTooltip(new Tooltip(what.getText()));
            what.setMinWidth(0);
            what.setMaxWidth(Double.MAX_VALUE);
        } else {
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            what.setMinWidth(rest ? Region.USE_PREF_SIZE : 0);
        }
        HBox line = new HBox(8, what);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(what, rest ? Priority.NEVER : Priority.ALWAYS);
        t.incident().ifPresent(id -> {
            Hyperlink open = new Hyperlink(text.get("todo.open"));
            open.setAccessibleText(text.get("todo.openAccessible", id));
            open.setOnAction(e -> openIncident.accept(id));
            open.setMinWidth(Region.USE_PREF_SIZE);
            line.getChildren().add(open);
        });
        if (rest) {
            Node command = IncidentDetail.CommandLine.of(t.command().get(), text, copy);
            HBox.setHgrow(command, Priority.ALWAYS);
            line.getChildren().add(command);
            line.setId("verdict-rest");
            return line;
        }
        VBox step = new VBox(4, line);
        t.command().ifPresent(c -> step.getChildren().add(IncidentDetail.CommandLine.of(c, text, copy)));
        if (t.kind() == ToDo.Kind.RESTART) {
            step.setId("verdict-prepared");
            what.setId("verdict-prepared-text");
        }
        return step;
    }
}
