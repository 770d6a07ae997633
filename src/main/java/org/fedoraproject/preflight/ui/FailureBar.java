package org.fedoraproject.preflight.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fedoraproject.preflight.text.Messages;

/** A failed check, inline under the banner, with "Try again"; hidden while there is none. */
final class FailureBar {

    private FailureBar() {
    }

    static HBox of(MainViewModel model, Messages text) {
        Label message = new Label();
        message.setId("failure");
        message.setWrapText(true);
        message.textProperty().bind(model.failureProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button retry = new Button(text.get("failure.tryAgain"));
        retry.setId("try-again");
        retry.disableProperty().bind(model.busyProperty());
        retry.setOnAction(e -> {
            if (model.reportProperty().get() == null) {
                model.open();
            } else {
                model.refresh();
            }
        });
        HBox bar = new HBox(12, message, retry);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.INLINE_ERROR);
        bar.setId("failure-bar");
        bar.visibleProperty().bind(model.failureProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }
}
