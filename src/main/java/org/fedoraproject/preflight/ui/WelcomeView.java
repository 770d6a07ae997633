package org.fedoraproject.preflight.ui;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.Reading;

/** The first screen: what Preflight is, its version, and whether this machine is one it can check. */
final class WelcomeView {

    static final String TITLE = "welcome-title";
    static final String VERSION = "welcome-version";
    static final String SYSTEM = "welcome-system";
    static final String MESSAGE = "message";
    static final String MESSAGE_WARNING = "message-warning";
    static final String MESSAGE_INFO = "message-info";

    private final VBox root;

    WelcomeView(Messages text, String version, Reading<OsRelease> os) {
        Label title = new Label(text.get("app.name"));
        title.getStyleClass().add(TITLE);
        title.setId("title");
        Label versionLabel = new Label(text.get("welcome.version", version));
        versionLabel.getStyleClass().add(VERSION);
        versionLabel.setId("version");
        HBox heading = new HBox(12, title, versionLabel);
        heading.setStyle("-fx-alignment: baseline-left;");

        Label question = new Label(text.get("welcome.question"));
        question.getStyleClass().add("welcome-question");
        Label what = new Label(text.get("welcome.what"));
        what.setId("what");
        what.setWrapText(true);

        root = new VBox(16, heading, question, what, systemMessage(text, os));
        root.setPadding(new Insets(32));
        root.setFillWidth(true);
    }

    Parent root() {
        return root;
    }

    private static Label systemMessage(Messages text, Reading<OsRelease> os) {
        String message;
        boolean fedora = false;
        if (os instanceof Reading.Available<OsRelease> available) {
            OsRelease release = available.value();
            fedora = release.isFedora();
            message = text.get(fedora ? "welcome.fedora" : "welcome.notFedora", release.prettyName());
        } else {
            message = text.get("welcome.unknownSystem", ((Reading.Unavailable<OsRelease>) os).message());
        }
        Label label = new Label(message);
        label.setId("system");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().addAll(MESSAGE, fedora ? MESSAGE_INFO : MESSAGE_WARNING);
        label.setAccessibleText(message);
        return label;
    }
}
