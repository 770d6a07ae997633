package org.fedoraproject.preflight.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.text.Messages;

/**
 * The desktop window. JavaFX creates this class itself, so the composition root hands over the
 * wiring through {@link #open(WindowContext)} before launching.
 */
public final class PreflightApp extends Application {

    private static final AtomicReference<WindowContext> CONTEXT = new AtomicReference<>();
    /**
     * JavaFX warns on every start that it was loaded from the class path rather than as modules;
     * that is how the single jar works, and no user can act on it. Held here: JUL keeps loggers weakly.
     */
    private static final Logger PLATFORM_LOG =
            Logger.getLogger("javafx");

    /** Starts JavaFX and blocks until the last window is closed. */
    public static void open(WindowContext context) {
        PLATFORM_LOG.setLevel(Level.SEVERE);
        CONTEXT.set(context);
        Application.launch(PreflightApp.class);
    }

    /** The background instance's window, if it has one open. */
    private static Stage backgroundStage;
    private static MainWindow backgroundWindow;
    private static boolean toolkitStarted;

    /**
     * Opens (or raises) the window inside the background instance, starting JavaFX on first use;
     * closing the window leaves the process (and the tray) running. Any thread.
     */
    public static synchronized void showFromBackground(Supplier<WindowContext> contexts,
                                                       Optional<String> incident) {
        // Made here, on the caller's thread: making it reads the desktop's colour scheme (gsettings,
        // a process), which must not hold up the JavaFX thread.
        WindowContext context = contexts.get();
        Runnable open = () -> {
            if (backgroundStage == null || !backgroundStage.isShowing()) {
                // The same WM_CLASS as a launched window's: the dock shows Preflight's icon, not Java's.
                WindowClass.name(PreflightApp.class);
                backgroundStage = new Stage();
                backgroundWindow = show(backgroundStage, context, new FxTaskRunner(context.executor()));
            }
            backgroundStage.toFront();
            backgroundStage.requestFocus();
            incident.ifPresent(id -> showWhenChecked(backgroundWindow, id));
        };
        if (!toolkitStarted) {
            toolkitStarted = true;
            PLATFORM_LOG.setLevel(Level.SEVERE);
            Platform.setImplicitExit(false);
            try {
                Platform.startup(open);
            } catch (IllegalStateException alreadyStarted) {
                Platform.runLater(open); // JavaFX was started already (a test's toolkit)
            }
        } else {
            Platform.runLater(open);
        }
    }

    /** Opens the incident now, or once the window's first check is in. */
    private static void showWhenChecked(MainWindow window, String incidentId) {
        if (window.model().reportProperty().get() != null) {
            window.showIncident(incidentId);
            return;
        }
        window.model().reportProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                window.model().reportProperty().removeListener(this);
                window.showIncident(incidentId);
            }
        });
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
        Messages text = Messages.load(Locale.getDefault(), context.zone());
        Words words = new Words(text);
        MainViewModel model = new MainViewModel(context, tasks, text);
        MainWindow window = new MainWindow(model, words, context, PreflightApp::copy);
        Scene scene = new Scene(window.root(), 1000, 700);
        scene.getStylesheets().add(PreflightApp.class.getResource("preflight.css").toExternalForm());
        window.root().getStyleClass().add(context.dark() ? "dark" : "light");
        window.installShortcuts(scene);
        reportFirstVerdict(scene, model);
        HeapTrim.afterEachCheck(model.busyProperty(), context.executor());
        stage.setTitle(text.get("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(
                    PreflightApp.class.getResource("icons/preflight-" + size + ".png").toExternalForm()));
        }
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
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * With PREFLIGHT_TIMING set, says on stderr when the first verdict was laid out for painting
     * (wall clock): the measure of the window's start-up (see README). A
     * number of seconds as its value closes the window that long afterwards, as a user would, so
     * that a benchmark's runs end normally (and the launcher keeps its class archive).
     */
    private static void reportFirstVerdict(Scene scene, MainViewModel model) {
        String timing = System.getenv("PREFLIGHT_TIMING");
        if (timing == null) {
            return;
        }
        if (timing.matches("\\d{1,3}")) {
            PauseTransition later = new PauseTransition(
                    Duration.seconds(Integer.parseInt(timing)));
            later.setOnFinished(e -> Platform.exit());
            model.reportProperty().addListener((o, a, b) -> {
                if (a == null) {
                    later.play();
                }
            });
        }
        model.reportProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends CheckReport> o,
                                CheckReport a, CheckReport b) {
                model.reportProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    // The wall clock, for the benchmark to subtract its own start time: the
                    // process's start as Linux reports it is only exact to the second.
                    System.err.printf("preflight: verdict shown at %d ms since the epoch%n", System.currentTimeMillis());
                };
                scene.addPostLayoutPulseListener(once[0]);
                Platform.requestNextPulse();
            }
        });
    }
}
