package org.fedoraproject.preflight.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fedoraproject.preflight.Main;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.testing.PseudoText;
import org.fedoraproject.preflight.testing.Screenshots;
import org.fedoraproject.preflight.testing.Tools;
import org.fedoraproject.preflight.text.PseudoLocale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo's window in the pseudo-locale en-XA, with the real asynchronous task runner: every
 * text a person reads or a screen reader says, on every tab, in every incident's detail and
 * guide, is the bundle's (bracketed, accented) or the demo's own data. Commands are code and
 * stay as they are; what the user typed is theirs.
 */
class PseudoLocaleWindowIT {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Locale before;

    @BeforeAll
    static void display() throws Exception {
        Tools.requireDisplay();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(stage::close);
        }
        if (before != null) {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyTextOfTheDemoWindowComesFromTheBundle() throws Exception {
        before = Locale.getDefault();
        Locale.setDefault(PseudoLocale.LOCALE);
        Main.Wiring wiring = Main.wire(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "PREFLIGHT_COLOR_SCHEME", "light"), Clock.systemUTC());
        WindowContext context = wiring.window(new CheckService.Request(Optional.empty(), List.of(), true, true)).withLinks(url -> { });
        MainWindow[] window = new MainWindow[1];
        stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupFixture(() -> window[0] = PreflightApp.show(stage, context, new FxTaskRunner(context.executor())));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window[0].model().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        Set<String> data = PseudoText.demoData();
        List<String> untranslated = new ArrayList<>();
        int[] translated = new int[1];
        Runnable look = () -> {
            for (String shown : shownTexts(stage.getScene().getRoot())) {
                translated[0] += PseudoText.translated(shown) ? 1 : 0;
                PseudoText.untranslated(shown, data).forEach(u -> untranslated.add(u + "   in: " + shown));
            }
        };
        TabPane tabs = window[0].tabs();
        for (int t = 0; t < tabs.getTabs().size(); t++) {
            int tab = t;
            FxToolkit.setupFixture(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            if (tabs.getTabs().get(tab).getId().equals(MainWindow.INCIDENTS)) {
                @SuppressWarnings("unchecked")
                ListView<IncidentItem> list = robot.lookup("#incident-list").queryAs(ListView.class);
                for (int k = 0; k < list.getItems().size(); k++) {
                    int item = k;
                    FxToolkit.setupFixture(() -> list.getSelectionModel().select(item));
                    // The guide is made off the FX thread: wait until it is shown (Check again usable again),
                    // for an incident that has one.
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#guide-check-again").tryQuery()
                            .map(b -> !b.isDisabled()).orElse(true));
                    WaitForAsyncUtils.waitForFxEvents();
                    FxToolkit.setupFixture(look::run);
                    if (k == 0) {
                        FxToolkit.setupFixture(() -> Screenshots.save(stage.getScene(), "window-pseudo-incident"));
                    }
                }
            } else {
                if (tabs.getTabs().get(tab).getId().equals(MainWindow.HISTORY)) {
                    // A transaction's packages, with what each action did.
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                            () -> !robot.lookup("#history-table").queryAs(TableView.class).getItems().isEmpty());
                    FxToolkit.setupFixture(() -> robot.lookup("#history-table").queryAs(TableView.class)
                            .getSelectionModel().select(0));
                }
                // The tab's content is laid out by the FX thread: nothing else to wait for (the history's rows are awaited above).
                WaitForAsyncUtils.waitForFxEvents();
                FxToolkit.setupFixture(look::run);
                FxToolkit.setupFixture(() -> Screenshots.save(stage.getScene(), "window-pseudo-" + tabs.getTabs().get(tab).getId()));
            }
        }
        assertTrue(stage.getTitle().contains(PseudoLocale.OPEN), stage.getTitle());
        assertTrue(translated[0] > 50, "pseudo-translated texts seen: " + translated[0]);
        assertEquals(List.of(), untranslated.stream().distinct().toList());
    }

    /** What the window shows and says of each visible node: labels, texts, prompts, tooltips, accessible texts. */
    static Set<String> shownTexts(Node root) {
        Set<String> texts = new LinkedHashSet<>();
        collect(root, texts);
        texts.removeIf(String::isBlank);
        return texts;
    }

    private static void collect(Node node, Set<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l) {
            texts.add(nonNull(l.getText()));
            if (l.getTooltip() != null) {
                texts.add(nonNull(l.getTooltip().getText()));
            }
        } else if (node instanceof Text t && !t.getClass().getName().endsWith("LabeledText")
                && !(node.getParent() != null && node.getParent().getParent() instanceof TextInputControl)) {
            texts.add(nonNull(t.getText()));
        }
        if (node instanceof TextInputControl input) {
            // Commands (monospace) are code; other fields hold what the user typed.
            texts.add(nonNull(input.getPromptText()));
        }
        texts.add(nonNull(node.getAccessibleText()));
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
