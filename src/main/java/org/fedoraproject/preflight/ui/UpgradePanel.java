package org.fedoraproject.preflight.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.UpgradeReport;
import org.fedoraproject.preflight.assess.UpgradeAssessment;
import org.fedoraproject.preflight.machine.StagedUpgrade;
import org.fedoraproject.preflight.text.Messages;

/**
 * Before the next Fedora: when a newer stable release is out, a button asks whether it is safe
 * to upgrade, and the answer — go ahead, take care or wait — comes with the known issues of that
 * release that name packages installed here, the held packages, and a staged upgrade with the
 * command that cancels it.
 */
final class UpgradePanel {

    private final VBox root = new VBox(6);
    private final Button ask = new Button();
    private final VBox answer = new VBox(4);
    private final MainViewModel model;
    private final Words words;
    private final Consumer<String> copy;
    private String target;

    UpgradePanel(MainViewModel model, Words words, Consumer<String> copy) {
        this.model = model;
        this.words = words;
        this.copy = copy;
        root.setId("upgrade-panel");
        root.setPadding(new Insets(8, 20, 8, 20));
        root.getStyleClass().add(Styles.UPGRADE);
        ask.setId("upgrade-ask");
        ask.setOnAction(e -> model.checkUpgrade(target));
        ask.disableProperty().bind(model.upgradeBusyProperty());
        answer.setId("upgrade-answer");
        HBox line = new HBox(10, ask);
        line.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(line, answer);
        root.managedProperty().bind(root.visibleProperty());
        model.reportProperty().addListener((o, a, r) -> showOffer(r));
        model.upgradeProperty().addListener((o, a, r) -> showAnswer(r));
        showOffer(model.reportProperty().get());
    }

    Node root() {
        return root;
    }

    private void showOffer(CheckReport report) {
        target = report == null || model.demoProperty().get() ? null
                : report.release().flatMap(r -> r.newestStable()).orElse(null);
        root.setVisible(target != null);
        if (target != null) {
            ask.setText(words.text().get("upgrade.ask", target));
        }
    }

    private void showAnswer(UpgradeReport report) {
        Messages text = words.text();
        answer.getChildren().clear();
        if (report == null) {
            return;
        }
        if (!report.complete()) {
            answer.getChildren().add(IncidentDetail.paragraph(text.get("upgrade.unknown", report.cannotCheck().isEmpty() ? ""
                    : text.render(report.cannotCheck().get(0)))));
            return;
        }
        UpgradeAssessment a = report.assessment().orElseThrow();
        Label verdict = IncidentDetail.paragraph(text.get("upgrade." + a.verdict().id(), a.target()));
        verdict.setId("upgrade-verdict");
        verdict.getStyleClass().add(Styles.HEADING);
        answer.getChildren().add(verdict);
        for (UpgradeAssessment.Concern c : a.concerns()) {
            var i = c.incident().incident();
            answer.getChildren().add(IncidentDetail.paragraph(text.get("upgrade.concern", i.id(), i.title(),
                    String.join(", ", c.packagesHere())) + (c.incident().derived()
                    ? " " + text.get("upgrade.derived", c.incident().source()) : "")));
        }
        if (!a.locks().isEmpty()) {
            answer.getChildren().add(IncidentDetail.paragraph(text.get("upgrade.locks", String.join(", ", a.locks()))));
        }
        for (StagedUpgrade s : report.staged()) {
            answer.getChildren().add(IncidentDetail.paragraph(text.get("upgrade.staged", s.release(), s.by())));
            answer.getChildren().add(IncidentDetail.CommandLine.of(String.join(" ", s.cancel()), text, copy));
        }
    }
}
