package org.fedoraproject.preflight.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.guide.Plan;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.guide.Step;
import org.fedoraproject.preflight.guide.StepStatus;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;

/**
 * The recovery guide as numbered steps: why, the exact commands with a copy button each (shown,
 * never run), the feed's own text marked as such, and whether the step is done on the system as
 * it is now. "Check again" reads the system again and updates every step.
 */
final class GuidePanel {

    private final VBox root = new VBox(10);
    private final VBox steps = new VBox(10);
    private final Label state = new Label();
    private final Button again;
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final MainViewModel model;
    private final Words words;
    private final Consumer<String> copy;
    private final String incidentId;

    GuidePanel(MainViewModel model, Words words, Consumer<String> copy, String incidentId) {
        this.model = model;
        this.words = words;
        this.copy = copy;
        this.incidentId = incidentId;
        Messages text = words.text();
        root.setId("guide");
        steps.setId("guide-steps");
        again = new Button(text.get("guide.checkAgain"));
        again.setId("guide-check-again");
        again.setOnAction(e -> load(true));
        spinner.setPrefSize(18, 18);
        state.setId("guide-state");
        state.getStyleClass().add(Styles.MUTED);
        state.setWrapText(true);
        HBox bar = new HBox(8, again, spinner, state);
        bar.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(steps, bar);
        load(false);
    }

    Node root() {
        return root;
    }

    private void load(boolean readAgain) {
        again.setDisable(true);
        spinner.setVisible(true);
        state.setText(words.text().get("guide.checking"));
        model.guide(incidentId, readAgain, this::show, message -> {
            again.setDisable(false);
            spinner.setVisible(false);
            state.setText(words.text().get("guide.failed", message));
        });
    }

    private void show(GuideService.Result result) {
        Messages text = words.text();
        again.setDisable(false);
        spinner.setVisible(false);
        steps.getChildren().clear();
        if (result.plan().isEmpty()) {
            state.setText(sentences(result.problems()));
            return;
        }
        Plan plan = result.plan().get();
        // Wrapped, never cut off: it says that Preflight runs none of the commands.
        Label manager = IncidentDetail.paragraph(text.get("guide.for", plan.manager()));
        manager.setId("guide-intro");
        manager.getStyleClass().add(Styles.MUTED);
        steps.getChildren().add(manager);
        long done = 0;
        for (int k = 0; k < plan.steps().size(); k++) {
            StepStatus status = result.statuses().get(k);
            done += status.done() ? 1 : 0;
            steps.getChildren().add(step(k + 1, plan.steps().get(k), status, plan));
        }
        plan.notes().forEach(n -> steps.getChildren().add(IncidentDetail.paragraph(text.get("guide.note", n))));
        String checked = text.get("guide.checked", words.dateTime(result.report().at()), done, plan.steps().size());
        state.setText(result.problems().isEmpty() ? checked : checked + " " + sentences(result.problems()));
    }

    private String sentences(List<Text> problems) {
        return problems.stream().map(p -> words.text().get("guide.problem", words.text().render(p)))
                .collect(Collectors.joining(" "));
    }

    private Node step(int number, Step step, StepStatus status, Plan plan) {
        Messages text = words.text();
        VBox box = new VBox(6);
        box.getStyleClass().addAll(Styles.STEP, status.done() ? Styles.STEP_DONE : Styles.STEP_TODO);
        box.setId("guide-step-" + number);
        String mark = status.done() ? text.get("guide.done") : step.checks().isEmpty() ? "" : text.get("guide.todo");
        Label title = new Label(text.get("guide.stepTitle", number, text.render(step.title())));
        title.getStyleClass().add(Styles.HEADING);
        title.setWrapText(true);
        HBox heading = new HBox(8, title);
        heading.setAlignment(Pos.CENTER_LEFT);
        if (!mark.isEmpty()) {
            Label badge = Badge.of("step", status.done() ? "done" : "todo", mark);
            badge.setId("guide-step-" + number + "-state");
            heading.getChildren().add(badge);
        }
        box.getChildren().addAll(heading, IncidentDetail.paragraph(text.render(step.why())));
        for (ShellCommand command : step.commands()) {
            box.getChildren().add(IncidentDetail.CommandLine.of(command.display(), text, copy));
        }
        if (!step.fromFeed().isEmpty()) {
            Label from = new Label(text.render(plan.fromLabel()));
            from.getStyleClass().add(Styles.MUTED);
            from.setWrapText(true);
            box.getChildren().add(from);
            step.fromFeed().forEach(line -> box.getChildren().add(IncidentDetail.paragraph("│ " + line)));
        }
        status.stillDifferent().forEach(d -> box.getChildren().add(IncidentDetail.paragraph(text.get("guide.stillDifferent", d))));
        // A done step says what the system shows now, so that "Done" is seen to be true.
        if (status.done() && !status.shows().isEmpty()) {
            Label now = IncidentDetail.paragraph(text.get("guide.shows", status.shows()));
            now.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(now);
        }
        return box;
    }
}
