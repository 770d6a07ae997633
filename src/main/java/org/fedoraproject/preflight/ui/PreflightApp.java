package org.fedoraproject.preflight.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

/**
 * The desktop window. JavaFX creates this class itself, so the composition root hands over the
 * wiring through {@link #open(WindowContext)} before launching.
 */
public final class PreflightApp extends Application {

    private static final AtomicReference<WindowContext> CONTEXT = new AtomicReference<>();

    /** Starts JavaFX and blocks until the last window is closed. */
    public static void open(WindowContext context) {
        CONTEXT.set(context);
        Application.launch(PreflightApp.class);
    }

    @Override
    public void start(Stage stage) {
        WindowContext context = CONTEXT.get().withLinks(url -> getHostServices().showDocument(url));
        show(stage, context, new FxTaskRunner(context.executor()));
    }

    /** Builds the window on {@code stage} and starts the first check; for tests, with their own runner. */
    static MainWindow show(Stage stage, WindowContext context, TaskRunner tasks) {
        Application.setUserAgentStylesheet(context.dark()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        Messages text = Messages.load(Locale.getDefault());
        Words words = new Words(text, context.zone());
        MainViewModel model = new MainViewModel(context, tasks, text);
        MainWindow window = new MainWindow(model, words, context, PreflightApp::copy);
        Scene scene = new Scene(window.root(), 1000, 700);
        scene.getStylesheets().add(PreflightApp.class.getResource("preflight.css").toExternalForm());
        window.root().getStyleClass().add(context.dark() ? "dark" : "light");
        window.installShortcuts(scene);
        reportFirstVerdict(scene, model);
        stage.setTitle(text.get("app.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.show();
        model.open();
        return window;
    }

    static void copy(String command) {
        ClipboardContent content = new ClipboardContent();
        content.putString(command);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * With PREFLIGHT_TIMING set, says on stderr when the first verdict was laid out for painting,
     * counted from the process's start: the measure of the window's start-up (see README).
     */
    private static void reportFirstVerdict(Scene scene, MainViewModel model) {
        if (System.getenv("PREFLIGHT_TIMING") == null) {
            return;
        }
        model.reportProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends org.fedoraproject.preflight.app.CheckReport> o,
                                org.fedoraproject.preflight.app.CheckReport a, org.fedoraproject.preflight.app.CheckReport b) {
                model.reportProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    long started = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
                    System.err.printf("preflight: verdict shown %d ms after the process started%n",
                            System.currentTimeMillis() - started);
                };
                scene.addPostLayoutPulseListener(once[0]);
                Platform.requestNextPulse();
            }
        });
    }
}
