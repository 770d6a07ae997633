package org.fedoraproject.preflight.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fedoraproject.preflight.AppInfo;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.system.OsReleaseReader;

/** The desktop window. */
public final class PreflightApp extends Application {

    /** Starts JavaFX and blocks until the last window is closed. */
    public static void open() {
        Application.launch(PreflightApp.class);
    }

    @Override
    public void start(Stage stage) {
        Messages text = Messages.load(Locale.getDefault());
        Reading<OsRelease> os = new OsReleaseReader(Path.of("/")).read();
        WelcomeView view = new WelcomeView(text, AppInfo.version(), os);
        show(stage, view, text);
    }

    static void show(Stage stage, WelcomeView view, Messages text) {
        Scene scene = new Scene(view.root(), 720, 480);
        scene.getStylesheets().add(PreflightApp.class.getResource("preflight.css").toExternalForm());
        stage.setTitle(text.get("app.title"));
        stage.setMinWidth(480);
        stage.setMinHeight(360);
        stage.setScene(scene);
        stage.show();
    }
}
