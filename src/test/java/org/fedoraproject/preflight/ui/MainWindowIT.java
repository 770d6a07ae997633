package org.fedoraproject.preflight.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.controls.ToggleSwitch;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.fedoraproject.preflight.Main;
import org.fedoraproject.preflight.adapter.desktop.LinkOpener;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.adapter.files.TrayPresence;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.CheckSummary;
import org.fedoraproject.preflight.app.NoticePolicy;
import org.fedoraproject.preflight.app.Outlook;
import org.fedoraproject.preflight.app.ToDo;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.testing.EdgeFeed;
import org.fedoraproject.preflight.testing.FedoraSources;
import org.fedoraproject.preflight.testing.FeedServer;
import org.fedoraproject.preflight.testing.PrivateSystemBus;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.Screenshots;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.fedoraproject.preflight.text.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window in a real X server (Xvfb in CI), driven like a user drives it; compared with the jar's check, so after package. */
class MainWindowIT {

    private static final CheckService.Request DEMO = new CheckService.Request(Optional.empty(), List.of(), true, true);

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final List<String> opened = new ArrayList<>();
    private Stage stage;
    private MainWindow window;

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
    }

    private Main.Wiring wiring(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(), "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "PREFLIGHT_COLOR_SCHEME", "light"));
        env.putAll(extra);
        return Main.wire(env, Clock.systemUTC());
    }

    private WindowContext context(Main.Wiring wiring, CheckService.Request request, boolean dark) {
        WindowContext c = wiring.window(request).withLinks(opened::add);
        return new WindowContext(c.checks(), c.upgrades(), c.guides(), c.healths(), c.settings(), c.request(), c.executor(), c.clock(), c.zone(),
                c.openLink(), dark, new AtomicReference<>(), c.tray());
    }

    private void open(WindowContext context, TaskRunner tasks) throws Exception {
        stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupFixture(() -> window = PreflightApp.show(stage, context, tasks));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> condition.get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends Node> T find(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    private String label(String id) {
        return find(id, Label.class).getText();
    }

    private void screenshot(String name) throws Exception {
        Path[] file = new Path[1];
        FxToolkit.setupFixture(() -> file[0] = Screenshots.save(stage.getScene(), name));
        assertTrue(Files.size(file[0]) > 1000, "screenshot written: " + file[0]);
    }

    private void fx(Runnable action) throws Exception {
        FxToolkit.setupFixture(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDemoShowsTheVerdictOfCheckWithHeldUpdatesFirst() throws Exception {
        Main.Wiring wiring = wiring(Map.of());
        open(context(wiring, DEMO, false), TaskRunner.direct());
        // The same inputs through `preflight check --demo --json` from the jar.
        Processes.Result json = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString(), "check", "--demo", "--json"), null, Map.of("HOME", home.toString()));
        String verdict = JsonParser.parseString(json.stdout()).getAsJsonObject().get("verdict").getAsString();
        assertEquals("hold", verdict);
        assertEquals(Outlook.HOLD, window.banner().shown());
        assertEquals("Hold: do not update everything now", label("verdict-title"));
        assertEquals("2 of the 9 pending updates would install a version with a serious known problem. Hold them, update the rest.",
                label("verdict-next"));
        assertEquals("Sample data bundled with Preflight", label("verdict-freshness"));
        assertTrue(robot.lookup(".demo-tag").queryAs(Label.class).isVisible());

        @SuppressWarnings("unchecked")
        TableView<UpdateAssessment> table = find("updates-table", TableView.class);
        assertEquals(9, table.getItems().size());
        assertEquals(UpdateVerdict.HOLD, table.getItems().get(0).verdict());
        assertEquals(UpdateVerdict.HOLD, table.getItems().get(1).verdict());
        assertEquals(UpdateVerdict.CAUTION, table.getItems().get(2).verdict());
        assertEquals("9 of 9", label("updates-count"));
        screenshot("window-demo-updates");
        theFrontEndsSayTheSameThingsToDo();

        // Check again keeps the place: the same update selected, the focus where it was.
        UpdateAssessment htop = table.getItems().stream().filter(u -> u.update().nevra().name().equals("htop")).findFirst().orElseThrow();
        fx(() -> table.getSelectionModel().select(htop));
        robot.clickOn("#check-again");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("htop", table.getSelectionModel().getSelectedItem().update().nevra().name());
        assertEquals("check-again", stage.getScene().getFocusOwner().getId());

        fx(() -> find("updates-filter", TextField.class).setText("mesa"));
        assertEquals(2, table.getItems().size());
        assertEquals("2 of 9", label("updates-count"));
    }

    /**
     * One report, every renderer: the terminal's "What to do", the banner's list and the
     * notification say the same steps in the same order, each from the one summary of the check.
     */
    private void theFrontEndsSayTheSameThingsToDo() throws Exception {
        CheckReport report = window.model().reportProperty().get();
        CheckSummary summary = CheckSummary.of(report);
        Messages english = Messages.english();
        Processes.Result text = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-jar", Processes.jar().toString(), "check", "--demo"), null, Map.of("HOME", home.toString()));
        List<String> lines = text.stdout().lines().toList();
        List<String> terminal = lines.subList(lines.indexOf("What to do") + 1, lines.size()).stream()
                .takeWhile(l -> !l.isBlank()).map(l -> l.replaceFirst("^  \u2022 ", "")).toList();
        List<String> said = summary.todo().stream().map(t -> english.render(t.text()) + t.command().map(c -> " " + c).orElse(""))
                .toList();
        assertEquals(said, terminal, text.stdout());
        assertTrue(said.size() >= 3, "the demo has holds, a caution and the rest: " + said);

        // The banner: what the next restart brings, each hold and the rest, in the terminal's order, commands to copy.
        List<String> banner = robot.lookup("#verdict-todo .verdict-todo-item").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        List<String> commands = robot.lookup("#verdict-todo .mono").queryAllAs(TextField.class).stream()
                .map(TextField::getText).toList();
        List<ToDo> shown = summary.todo().stream().filter(t -> t.kind().holdsBack() || t.kind() == ToDo.Kind.REST).toList();
        // Each in the list's own words; the rest in a few, beside its command.
        assertEquals(shown.stream().map(t -> english.render(t.kind() == ToDo.Kind.REST ? t.brief() : t.text())).toList(), banner);
        assertEquals(shown.stream().flatMap(t -> t.command().stream()).toList(), commands);
        assertEquals(ToDo.Kind.REST, shown.get(shown.size() - 1).kind());
        assertTrue(commands.get(commands.size() - 1).startsWith("sudo dnf5 upgrade --exclude="), commands.toString());
        assertEquals(terminal.get(0), banner.get(0) + shown.get(0).command().map(c -> " " + c).orElse(""));

        // The notification: its first line is the first of the list, in a few words, and no command.
        var news = NoticePolicy.summary(List.copyOf(NoticePolicy.states(report, report.at()).values()), report).orElseThrow();
        assertEquals("\u2022 " + english.render(summary.todo().get(0).brief()), english.render(news.body().get(0)));
        assertEquals(2, news.body().size());
        // The banner's outlook is the summary's (the tray's icon and tooltip follow the same).
        assertEquals(summary.outlook(), window.banner().shown());
    }

    @Test
    void anIncidentOpensFromItsUpdateWithWhatIsAffectedAndSince() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        @SuppressWarnings("unchecked")
        TableView<UpdateAssessment> table = find("updates-table", TableView.class);
        String mesa = table.getItems().stream().filter(u -> u.update().nevra().name().equals("mesa-dri-drivers"))
                .findFirst().orElseThrow().incidents().get(0);
        fx(() -> find("updates-filter", TextField.class).setText("mesa-dri"));
        Hyperlink link = robot.lookup("#updates-table").lookup(".hyperlink").queryAllAs(Hyperlink.class).stream()
                .filter(h -> h.isVisible() && h.getScene() != null && h.getParent().getParent().isVisible()
                        && ((TableCell<?, ?>) h.getParent().getParent()).getTableRow().getItem() != null)
                .findFirst().orElseThrow();
        assertEquals(mesa, link.getText());
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.INCIDENTS, window.tabs().getSelectionModel().getSelectedItem().getId());
        assertTrue(label("incident-title").startsWith(mesa + " — Black screen"), label("incident-title"));
        String here = robot.lookup("#incident-here").queryAll().stream().findFirst().map(n -> ((Pane) n).getChildren().stream()
                .filter(c -> c instanceof Label).map(c -> ((Label) c).getText()).reduce("", (a, b) -> a + "\n" + b)).orElse("");
        assertTrue(here.contains("mesa-dri-drivers 25.1.4-1.fc43 is installed, since dnf5 transaction 2"), here);
        assertTrue(here.contains("replacing 25.1.2-1.fc43"), here);
        assertTrue(here.contains("The pending update mesa-dri-drivers 25.1.6-1.fc43 brings the fix."), here);
        assertTrue(label("incident-fix").startsWith("Fix expected"), label("incident-fix"));
        LocalDate expected = window.model().reportProperty().get().assessment().incidents().stream()
                .filter(i -> i.id().equals(mesa)).findFirst().orElseThrow().incident().incident().fix().expected().orElseThrow();
        assertEquals(expected.isBefore(LocalDate.now()), label("incident-fix").contains(": overdue."),
                "a fix date in the past is overdue: " + label("incident-fix"));
        // At the top, as release health has it: the fix, the update that brought the problem, the last change.
        String facts = robot.lookup("#incident-facts").queryAs(Pane.class).getChildren().stream()
                .map(c -> ((Label) c).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(facts.contains("It came with FEDORA-2026-1a2b3c4d5e.") && facts.contains("Last updated "), facts);
        // The timeline newest first.
        var incident = window.model().reportProperty().get().assessment().incidents().stream().filter(i -> i.id().equals(mesa))
                .findFirst().orElseThrow().incident().incident();
        var newest = incident.timeline().stream().max(Comparator.comparing(e -> e.at())).orElseThrow();
        List<String> timeline = robot.lookup("#incident-timeline").queryAs(Pane.class).getChildren().stream()
                .map(row -> ((Label) ((Pane) row).getChildren().get(1)).getText()).toList();
        assertTrue(timeline.size() >= 2 && timeline.get(0).endsWith(newest.text()), timeline + " starts with " + newest.text());
        String ranges = robot.lookup("#incident-affected").queryAs(Pane.class).getChildren().stream()
                .filter(c -> c instanceof Label).map(c -> ((Label) c).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(ranges.contains("mesa-dri-drivers: from 25.1.4-1.fc43, fixed in 25.1.6-1.fc43"), ranges);
        List<Node> parts = robot.lookup("#incident-detail").queryAs(Pane.class).getChildren();
        int guide = parts.indexOf(robot.lookup("#incident-detail").lookup(".section-title").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals("Recovery guide")).findFirst().orElseThrow());
        assertTrue(guide >= 0 && guide < parts.indexOf(robot.lookup("#incident-here").query()), "the guide comes first");
        TextFlow summary = find("incident-summary", TextFlow.class);
        assertTrue(summary.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("code-span")
                && ((Text) n).getText().equals("iris")), "backticks render as code");
        screenshot("window-demo-incident");

        Hyperlink web = robot.lookup("#incident-links").lookup(".hyperlink").queryAs(Hyperlink.class);
        fx(web::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, opened.size());
        assertTrue(opened.get(0).startsWith("https://"), opened.toString());
    }

    @Test
    void aGuideShowsItsStepsCopiesACommandAndChecksAgain() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        fx(() -> window.showIncident("FPS-2026-0045"));
        waitUntil(() -> !robot.lookup("#guide-steps").queryAs(Pane.class).getChildren().isEmpty());
        assertTrue(label("guide-state").startsWith("Checked "), label("guide-state"));
        TextField command = robot.lookup("#guide-step-1").lookup(".mono").queryAs(TextField.class);
        assertTrue(command.getText().startsWith("sudo dnf"), command.getText());
        Button copy = robot.lookup("#guide-step-1").lookup(".copy-button").queryAs(Button.class);
        fx(() -> copy.fire());
        assertEquals("Copied", copy.getText(), "Copy says it was done");
        Label intro = find("guide-intro", Label.class);
        assertTrue(intro.isWrapText() && !intro.getText().isEmpty(), "the guide's intro wraps instead of being cut off");
        String[] clip = new String[1];
        fx(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(command.getText(), clip[0]);
        fx(() -> find("incident-detail-scroll", ScrollPane.class).setVvalue(1.0));
        screenshot("window-demo-guide");

        fx(() -> find("guide-check-again", Button.class).fire());
        waitUntil(() -> label("guide-state").startsWith("Checked "));
        assertFalse(find("guide-check-again", Button.class).isDisabled());
    }

    /**
     * The loop closed after a step, on a real root: the guide's downgrade run for real, *Check
     * again* keeps the step in place marked done with what the system shows now, and the
     * incident's badges and the banner follow the system as read anew.
     */
    @Test
    void aDoneStepStaysInPlaceWithWhatTheSystemShowsAndTheIncidentFollows() throws Exception {
        if (!TestRoots.isRoot()) {
            Tools.missing("running the guide's downgrade on a copy of the root needs root");
        }
        Tools.require("dnf");
        Path copy = Files.createTempDirectory(Path.of("/var/tmp"), "preflight-window-guide");
        try {
            assertEquals(0, Processes.run(List.of("cp", "-a", TestRoots.dnf4Root() + "/.", copy.toString()), null, Map.of()).exitCode());
            JsonObject sample;
            try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
                sample = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            }
            // The fix is not the pending 25.1.6: this system is affected, and its guide goes back.
            for (var a : sample.getAsJsonArray("incidents").get(0).getAsJsonObject().getAsJsonArray("affected")) {
                a.getAsJsonObject().addProperty("fixed", "25.1.8-1.fc43");
            }
            try (SignedFeed feed = SignedFeed.serve(sample.toString().getBytes(StandardCharsets.UTF_8), home)) {
                Main.Wiring wiring = wiring(feed.environment());
                CheckService.Request request = new CheckService.Request(Optional.of(copy), List.of(FeedSource.local(feed.url())),
                        false, false);
                open(context(wiring, request, false), new FxTaskRunner(wiring.io()));
                waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null
                        && window.model().reportProperty().get().feeds().stream().allMatch(f -> f.feed().isPresent()));
                fx(() -> window.showIncident("FPS-2026-0042"));
                waitUntil(() -> robot.lookup("#guide-step-1").tryQuery().isPresent() && label("guide-state").startsWith("Checked "));
                assertEquals("Affected", relationBadge());
                String command = robot.lookup("#guide-step-1").lookup(".mono").queryAs(TextField.class).getText();
                assertTrue(command.contains(" downgrade mesa-dri-drivers-25.1.2-1.fc43.x86_64 mesa-libGL-25.1.2-1.fc43.x86_64"), command);

                // As the user would, in a terminal (the test is root: no sudo).
                List<String> argv = new ArrayList<>(List.of(command.split(" ")));
                assertEquals("sudo", argv.remove(0));
                argv.addAll(1, List.of("-y", "--disableplugin=local"));
                Processes.Result ran = Processes.run(argv, null, Map.of());
                assertEquals(0, ran.exitCode(), argv + "\n" + ran.stdout() + ran.stderr());

                fx(() -> find("guide-check-again", Button.class).fire());
                waitUntil(() -> robot.lookup("#guide-step-1-state").tryQuery().map(n -> ((Label) n).getText()).orElse("").equals("Done")
                        && "At risk".equals(relationBadge()));
                String step = robot.lookup("#guide-step-1").queryAs(Pane.class).getChildren().stream().filter(c -> c instanceof Label)
                        .map(c -> ((Label) c).getText()).reduce("", (x, y) -> x + "\n" + y);
                assertTrue(step.contains("mesa-dri-drivers is at 25.1.2-1.fc43") && step.contains("mesa-libGL is at 25.1.2-1.fc43"), step);
                assertTrue(robot.lookup("#guide-step-1").lookup(".heading").queryAs(Label.class).getText().startsWith("1. "),
                        "the done step keeps its number");
                assertEquals(Outlook.HOLD, window.banner().shown(), "back on 25.1.2, the pending 25.1.6 is to hold: the banner follows");
                screenshot("window-guide-step-done");
            }
        } finally {
            Processes.run(List.of("rm", "-rf", copy.toString()), null, Map.of());
        }
    }

    private String relationBadge() {
        return robot.lookup("#incident-detail .badge").queryAllAs(Label.class).stream()
                .filter(l -> l.getStyleClass().stream().anyMatch(c -> c.startsWith("relation-"))).map(Label::getText).findFirst().orElse("");
    }

    /**
     * The machine's own records in the window (the demo's journal: gnome-shell crashing with the
     * new mesa-libGL after the mesa update): the banner names the suspect; in History the
     * transaction says it is one, "After it" counts the crashes and failed units until the next
     * transaction, and its details list them on the same time axis.
     */
    @Test
    void theBannerAndTheHistoryShowTheSuspectTransactionOfTheMachinesJournal() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        Label suspect = find("verdict-suspect", Label.class);
        waitUntil(suspect::isVisible);
        assertEquals("/usr/bin/gnome-shell crashed 4 times since dnf5 transaction 2 brought mesa-libGL 25.1.4-1.fc43: a suspect. "
                + "History shows the crashes, the way back and a prepared report.", suspect.getText());
        screenshot("window-demo-suspect-banner");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Transaction> table = find("history-table", TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        Transaction two = table.getItems().stream().filter(t -> t.label().equals("dnf5 #2")).findFirst().orElseThrow();
        Transaction four = table.getItems().stream().filter(t -> t.label().equals("dnf5 #4")).findFirst().orElseThrow();
        assertEquals("1 crash", cell(table, two, 4), "between dnf5 #2 (18 Nov 07:41) and #3 (19 Nov 18:03)");
        assertEquals("1 crash, 1 failed unit", cell(table, four, 4), "between dnf5 #4 (20 Nov 08:15) and #5 (21 Nov 12:30)");
        assertTrue(cell(table, two, 5).startsWith("Suspect: /usr/bin/gnome-shell crashed 4 times after it (0 before)."),
                cell(table, two, 5));
        fx(() -> table.getSelectionModel().select(two));
        @SuppressWarnings("unchecked")
        ListView<String> items = find("history-items", ListView.class);
        assertEquals(1, items.getItems().stream().filter(l -> l.contains("crashed: /usr/bin/gnome-shell")).count(), items.getItems()
                .toString());
        // The way back, copyable, and the report: shown in full, opened in the browser only on a click.
        assertTrue(robot.lookup("#history-suspects").queryAll().stream().anyMatch(Node::isVisible));
        assertTrue(robot.lookup("#history-suspects .text-field").queryAll().stream().map(n -> ((TextField) n).getText())
                .anyMatch(c -> c.equals("sudo dnf5 downgrade mesa-libGL-25.1.2-1.fc43.x86_64")));
        assertTrue(label("history-report-text").startsWith("Since mesa-libGL went from 25.1.2-1.fc43 to 25.1.4-1.fc43"),
                label("history-report-text"));
        assertEquals(List.of(), opened, "nothing is opened before the user asks");
        screenshot("window-demo-history-suspect");
        fx(() -> ((TitledPane) robot.lookup("#history-report-pane").query()).setExpanded(true));
        screenshot("window-demo-history-report");
        fx(() -> ((TitledPane) robot.lookup("#history-report-pane").query()).setExpanded(false));
        robot.clickOn("#history-report");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, opened.size());
        assertTrue(opened.get(0).startsWith("https://bugzilla.redhat.com/enter_bug.cgi?product=Fedora&version=43&component=mesa-libGL"),
                opened.toString());
    }

    /** GNOME's keys: Ctrl+, the settings, F1 help, Ctrl+? the list of shortcuts, Ctrl+W closes. */
    @Test
    void gnomesKeysWork() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, window.tabs().getSelectionModel().getSelectedIndex(), "Ctrl+, opens the settings");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(MainWindow.HELP), opened);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#shortcuts").tryQuery().isPresent());
        Node shortcuts = robot.lookup("#shortcuts").query();
        FxToolkit.setupFixture(() -> Screenshots.save(shortcuts.getScene(), "window-shortcuts"));
        fx(() -> new ArrayList<>(robot.listWindows()).stream().filter(w -> w != stage).forEach(w -> w.hide()));
        fx(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "Ctrl+W closes the window");
    }

    private static String cell(TableView<Transaction> table, Transaction row, int column) {
        return String.valueOf(table.getColumns().get(column).getCellData(row));
    }

    @Test
    void theHistoryHighlightsTheTransactionThatBroughtTheAffectedVersion() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        // Tall enough for the demo's seven transactions below its suspect box: the rows looked at are the rows drawn.
        fx(() -> stage.setHeight(1000));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Transaction> table = find("history-table", TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        Transaction two = table.getItems().stream().filter(t -> t.label().equals("dnf5 #2")).findFirst().orElseThrow(
                () -> new AssertionError("the demo's history has dnf5 #2: " + table.getItems()));
        Transaction one = table.getItems().stream().filter(t -> t.label().equals("dnf5 #1")).findFirst().orElseThrow(
                () -> new AssertionError("the demo's history has dnf5 #1: " + table.getItems()));
        List<Object> highlighted = robot.lookup("#history-table").lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(Styles.HIGHLIGHT)))
                .map(n -> (Object) ((TableRow<?>) n).getItem()).toList();
        // FPS-2026-0042 (mesa) came with #2, FPS-2026-0031 with #1: those two, and no other.
        assertEquals(List.of(two, one), highlighted, "the transactions that brought an affected version, and only they");
        fx(() -> table.getSelectionModel().select(two));
        screenshot("window-demo-history");
        int all = table.getItems().size();
        fx(() -> find("history-search", TextField.class).setText("kernel-core"));
        assertTrue(table.getItems().size() < all && !table.getItems().isEmpty(), table.getItems().toString());
    }

    @Test
    void aBadFeedAddressIsRefusedWithTheReasonAndAGoodOneIsSaved() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-feed-url").write("http://feeds.example.org/incidents.json");
        robot.clickOn("#settings-add-feed");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(find("settings-feed-error", Label.class).isVisible());
        assertFalse(find("settings-no-tray", Label.class).isVisible(), "no background instance said there is no tray");
        assertEquals("Only https feeds can be added, unless you mark this one as a local or test feed.",
                label("settings-feed-error"));
        screenshot("window-settings-bad-feed");
        assertFalse(Files.exists(home.resolve("config/preflight/settings.json")), "nothing written");

        fx(() -> find("settings-feed-url", TextField.class).setText("not an address"));
        robot.clickOn("#settings-add-feed");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(label("settings-feed-error").startsWith("not an address is not an address"), label("settings-feed-error"));

        fx(() -> find("settings-feed-url", TextField.class).setText("https://feeds.example.org/incidents.json"));
        robot.clickOn("#settings-add-feed");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(find("settings-feed-error", Label.class).isVisible());
        String saved = Files.readString(home.resolve("config/preflight/settings.json"));
        assertTrue(saved.contains("https://feeds.example.org/incidents.json"), saved);
        @SuppressWarnings("unchecked")
        ListView<FeedSource> feeds = find("settings-feeds", ListView.class);
        assertEquals(1, feeds.getItems().size());

        // Its key can be changed: a bad one is refused with the reason, a good one saved.
        fx(() -> feeds.getSelectionModel().select(0));
        fx(() -> find("settings-edit-key", Button.class).fire());
        fx(() -> find("settings-new-key", TextArea.class).setText("not a key"));
        fx(() -> find("settings-save-key", Button.class).fire());
        assertTrue(label("settings-feed-error").startsWith("The key is not an Ed25519 public key"), label("settings-feed-error"));
        String pem = FeedKeys.publicPem(FeedKeys.generate().getPublic());
        fx(() -> find("settings-new-key", TextArea.class).setText(pem));
        fx(() -> find("settings-save-key", Button.class).fire());
        assertTrue(Files.readString(home.resolve("config/preflight/settings.json")).contains("BEGIN PUBLIC KEY"), "the key is saved");
        assertEquals(pem.strip(), feeds.getItems().get(0).publicKey().orElseThrow().strip());

        // Removing it can be undone.
        fx(() -> feeds.getSelectionModel().select(0));
        fx(() -> find("settings-remove-feed", Button.class).fire());
        assertEquals(0, feeds.getItems().size());
        Button undo = find("settings-undo-remove", Button.class);
        assertTrue(undo.isVisible());
        assertEquals("Undo: put https://feeds.example.org/incidents.json back", undo.getText());
        fx(undo::fire);
        assertEquals(1, feeds.getItems().size());
        assertTrue(Files.readString(home.resolve("config/preflight/settings.json")).contains("https://feeds.example.org/incidents.json"));
        assertFalse(undo.isVisible());
    }

    @Test
    void everythingIsReachableWithTheKeyboard() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("updates-filter", stage.getScene().getFocusOwner().getId());
        robot.write("kernel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1 of 9", label("updates-count"));
        robot.type(KeyCode.TAB);
        assertEquals("updates-show", stage.getScene().getFocusOwner().getId());
        robot.type(KeyCode.TAB);
        assertEquals("updates-table", stage.getScene().getFocusOwner().getId());
        // The table is one stop: the next Tab leaves it, not walks its rows' links.
        robot.type(KeyCode.TAB);
        Node next = stage.getScene().getFocusOwner();
        for (Node n = next; n != null; n = n.getParent()) {
            assertFalse("updates-table".equals(n.getId()), "Tab stayed in the table: " + next);
        }
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        assertEquals("updates-table", stage.getScene().getFocusOwner().getId());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.INCIDENTS, window.tabs().getSelectionModel().getSelectedItem().getId());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("incident-list", stage.getScene().getFocusOwner().getId());
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<IncidentItem> list = find("incident-list", ListView.class);
        assertEquals(1, list.getSelectionModel().getSelectedIndex());
        assertTrue(label("incident-title").startsWith(list.getItems().get(1).id()), label("incident-title"));
        // Every incident of the demo is listed: those concerning it first, the others after.
        assertTrue(list.getItems().get(0).assessment().isPresent());

        robot.type(KeyCode.F5);
        waitUntil(() -> !window.model().busyProperty().get());
        assertEquals(Outlook.HOLD, window.banner().shown());
    }

    /** The keys of GNOME's applications: tabs by Ctrl+Page Up/Down and Alt+N, Escape clears a search, Enter opens a row. */
    @Test
    void theKeysWorkAsInGnomeApplications() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        // The focus starts in the updates (not on the banner's first link), and the tab keys work from there.
        assertEquals("updates-table", stage.getScene().getFocusOwner().getId());
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.INCIDENTS, window.tabs().getSelectionModel().getSelectedItem().getId());
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.UPDATES, window.tabs().getSelectionModel().getSelectedItem().getId());
        robot.press(KeyCode.CONTROL, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.UPDATES, window.tabs().getSelectionModel().getSelectedItem().getId(), "the first tab stays: no wrap");
        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.HISTORY, window.tabs().getSelectionModel().getSelectedItem().getId());
        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("kernel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1 of 9", label("updates-count"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", find("updates-filter", TextField.class).getText());
        assertEquals("9 of 9", label("updates-count"));

        @SuppressWarnings("unchecked")
        TableView<UpdateAssessment> table = find("updates-table", TableView.class);
        fx(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        String incident = table.getItems().get(0).incidents().get(0);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainWindow.INCIDENTS, window.tabs().getSelectionModel().getSelectedItem().getId());
        assertTrue(label("incident-title").startsWith(incident), label("incident-title"));
    }

    @Test
    void onASystemThatIsNotFedoraItSaysSoAndOffersTheDemo() throws Exception {
        Path root = Files.createDirectories(home.resolve("debian/etc"));
        Files.writeString(root.resolve("os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nID=debian\n");
        CheckService.Request request = new CheckService.Request(Optional.of(home.resolve("debian")), List.of(), true, false);
        open(context(wiring(Map.of()), request, false), TaskRunner.direct());
        assertEquals(Outlook.UNKNOWN, window.banner().shown());
        assertEquals("Could not check this system", label("verdict-title"));
        assertTrue(label("verdict-next").startsWith("This machine runs Debian GNU/Linux 12 (bookworm), not Fedora."), label("verdict-next"));
        Button demo = find("open-demo", Button.class);
        assertTrue(demo.isVisible());
        screenshot("window-not-fedora");
        robot.clickOn(demo);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Outlook.HOLD, window.banner().shown());
        assertFalse(find("open-demo", Button.class).isVisible());
        // And back: the demo is a visit, not a one-way door.
        robot.clickOn(find("leave-demo", Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Outlook.UNKNOWN, window.banner().shown());
        assertTrue(label("verdict-next").startsWith("This machine runs Debian GNU/Linux 12"), label("verdict-next"));
        assertFalse(find("leave-demo", Button.class).isVisible());
        assertTrue(find("open-demo", Button.class).isVisible());
    }

    @Test
    void aFailedCheckShowsInlineAndTryAgainRecovers() throws Exception {
        Main.Wiring wiring = wiring(Map.of());
        AtomicInteger calls = new AtomicInteger();
        Supplier<CheckService> failingOnce = () -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("/var/lib/rpm is locked by another program");
            }
            return wiring.check().get();
        };
        WindowContext c = context(wiring, DEMO, false);
        open(new WindowContext(failingOnce, c.upgrades(), c.guides(), c.healths(), c.settings(), c.request(), c.executor(), c.clock(), c.zone(),
                c.openLink(), false, new AtomicReference<>(), c.tray()), TaskRunner.direct());
        assertTrue(find("failure-bar", Pane.class).isVisible());
        assertEquals("The check failed: /var/lib/rpm is locked by another program", label("failure"));
        assertEquals(Outlook.UNKNOWN, window.banner().shown());
        assertEquals("Could not check this system", label("verdict-title"), "a failed check is not one still running");
        // No rows: not "No pending updates" (nothing was read), and what Preflight checks, from where.
        List<String> empty = robot.lookup("#updates-empty .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals("The pending updates show here once they are read.", empty.get(0));
        assertTrue(empty.get(1).contains("Fedora's own Bodhi, Bugzilla and Common Issues") && empty.get(1).contains("Nothing is installed or sent."),
                empty.toString());
        screenshot("window-check-failed");
        robot.clickOn("#try-again");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(find("failure-bar", Pane.class).isVisible());
        assertEquals(Outlook.HOLD, window.banner().shown());
    }

    @Test
    void darkFollowsTheDesktop() throws Exception {
        open(context(wiring(Map.of()), DEMO, true), TaskRunner.direct());
        assertTrue(window.root().getStyleClass().contains("dark"));
        fx(() -> window.showIncident("FPS-2026-0042"));
        screenshot("window-demo-dark");
    }

    /** At 1440×900, light and dark: the banner with its list leaves the content most of the window. */
    @Test
    void atFullSizeTheBannerLeavesTheContentTheRoomLightAndDark() throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            open(context(wiring(Map.of()), DEMO, dark), TaskRunner.direct());
            fx(() -> {
                stage.setWidth(1440);
                stage.setHeight(900);
            });
            fx(() -> stage.getScene().getRoot().layout());
            double banner = window.banner().root().getHeight();
            double scene = stage.getScene().getHeight();
            System.out.printf("MainWindowIT: at 1440x900 (%s) the banner is %.0f of %.0f px (%.0f %%)%n", dark ? "dark" : "light",
                    banner, scene, 100 * banner / scene);
            assertTrue(banner / scene < 0.33, banner + " of " + scene);
            assertFalse(window.banner().root().getStyleClass().contains("compact"), "room enough: the full banner");
            screenshot("window-demo-1440x900-" + (dark ? "dark" : "light"));
            fx(() -> window.showIncident("FPS-2026-0042"));
            screenshot("window-demo-incident-1440x900-" + (dark ? "dark" : "light"));
            FxToolkit.setupFixture(stage::close);
        }
    }

    /**
     * On the real dnf4 test root with the sample feed signed and served over loopback: the
     * window first shows what kept data says (no feed yet), then the fetched feed's verdict,
     * which is the verdict of `preflight check` from the jar for the same inputs.
     */
    @Test
    void onARealRootTheWindowRefreshesFromKeptDataToTheVerdictOfCheck() throws Exception {
        Path dnf4 = TestRoots.dnf4Root();
        byte[] sample;
        try (var in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            sample = in.readAllBytes();
        }
        try (SignedFeed feed = SignedFeed.serve(sample, home)) {
            // Fedora's signals from the loopback server: firefox's update has negative karma, and a
            // Common Issues topic names htop.
            feed.server().answer("/updates/", FeedServer.Answer.json((
                    "{\"updates\":[{\"alias\":\"FEDORA-2026-ff\",\"status\":\"testing\",\"karma\":-2,"
                    + "\"builds\":[{\"nvr\":\"firefox-146.0-1.fc43\"}],\"comments\":[{\"karma\":-1,\"text\":\"crash\"}]}],"
                    + "\"pages\":1}").getBytes(StandardCharsets.UTF_8), null));
            feed.server().answer("/tags/c/ask/common-issues/82/none/f43.json", FeedServer.Answer.json((
                    "{\"topic_list\":{\"topics\":[{\"id\":9,\"title\":\"htop shows the wrong CPU count\",\"slug\":\"htop\","
                    + "\"created_at\":\"2026-11-22T10:00:00Z\"}]}}").getBytes(StandardCharsets.UTF_8), null));
            Main.Wiring wiring = wiring(feed.environment());
            CheckService.Request request = new CheckService.Request(Optional.of(dnf4),
                    List.of(FeedSource.local(feed.url())), false, false);
            List<CheckReport> shown = new ArrayList<>();
            stage = FxToolkit.registerStage(Stage::new);
            FxToolkit.setupFixture(() -> {
                // As Main opens it: the first check (from kept data) already running.
                window = PreflightApp.show(stage, wiring.windowCheckingEarly(request).withLinks(opened::add),
                        new FxTaskRunner(wiring.io()));
                window.model().reportProperty().addListener((o, a, r) -> shown.add(r));
            });
            waitUntil(() -> shown.size() == 2 && !window.model().busyProperty().get());
            assertTrue(shown.get(0).feeds().get(0).feed().isEmpty(), "first from kept data: no copy kept yet");
            assertTrue(shown.get(0).assessment().updates().stream().noneMatch(u -> u.verdict() == UpdateVerdict.OK),
                    "without incident data no update is ok: " + shown.get(0).assessment().updates());
            assertTrue(shown.get(1).feeds().get(0).feed().isPresent(), "then the fetched feed");
            Processes.Result json = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Processes.jar().toString(), "check", "--json", "--offline", "--root", dnf4.toString(),
                    "--feed", feed.url()), null, feed.environment());
            String verdict = JsonParser.parseString(json.stdout()).getAsJsonObject().get("verdict").getAsString();
            CheckReport report = wiring.check().get().check(new CheckService.Request(Optional.of(dnf4),
                    List.of(FeedSource.local(feed.url())), true, false));
            assertEquals(verdict, report.assessment().verdict().id());
            assertEquals(Outlook.of(report), window.banner().shown());
            assertTrue(label("verdict-freshness").startsWith("Incident feed updated just now"), label("verdict-freshness"));
            screenshot("window-dnf4-root");
            @SuppressWarnings("unchecked")
            TableView<UpdateAssessment> table = find("updates-table", TableView.class);
            UpdateAssessment firefox = table.getItems().stream().filter(u -> u.update().nevra().name().equals("firefox"))
                    .findFirst().orElseThrow();
            assertEquals(UpdateVerdict.CAUTION, firefox.verdict(), "negative Bodhi karma: caution");
            // The row opens what Bodhi said: the tooltip has the negative comment; http (a loopback Bodhi) is never opened.
            Hyperlink said = robot.lookup("#updates-table").lookup(".hyperlink").queryAllAs(Hyperlink.class).stream()
                    .filter(h -> h.getText().startsWith("testing, karma -2")).findFirst().orElseThrow();
            assertTrue(said.getAccessibleText().contains("-1 from"), said.getAccessibleText());
            int before = opened.size();
            fx(said::fire);
            assertEquals(before, opened.size(), "only https is opened");
            Pane common = find("common-issues", Pane.class);
            assertTrue(common.isVisible());
            String links = robot.lookup("#common-issues").lookup(".hyperlink").queryAllAs(Hyperlink.class).stream()
                    .map(Hyperlink::getText).reduce("", String::concat);
            assertTrue(links.contains("htop shows the wrong CPU count  (loose match: names htop)"), links);

            // A caution says why in its row, and a security update says what its hold leaves open; selected, all of it.
            fx(() -> table.getSelectionModel().select(firefox));
            String why = label("update-why");
            assertTrue(why.startsWith("firefox 146.0-1.fc43: negative feedback in Bodhi"), why);
            assertTrue(why.contains("karma -2") && why.contains("\"crash\""), "Bodhi's karma and comment: " + why);
            assertTrue(why.matches("(?s).*Security update FEDORA-\\S+ \\(\\w+\\): holding it leaves what it fixes open\\..*"), why);
            assertTrue(robot.lookup("#updates-table").lookup(".advisory-security").queryAll().stream().anyMatch(Node::isVisible),
                    "the security update's badge");
            screenshot("window-update-why");
        }
    }

    /**
     * The edge root (three kernels side by side, the affected 6.17.6 kept beside the default
     * 6.17.7): the incident shows as "Kept, not in use", and its guide removes and excludes that
     * version, with no downgrade and no lock on the name.
     */
    @Test
    void anOlderAffectedKernelIsKeptNotInUseAndItsGuideRemovesAndExcludesIt() throws Exception {
        try (SignedFeed feed = SignedFeed.serve(EdgeFeed.of("6.17.7-300.fc43", "25.1.6-1.fc43",
                "2026-11-21T00:00:00Z"), home)) {
            Main.Wiring wiring = wiring(feed.environment());
            CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dir().resolve("edge4")),
                    List.of(FeedSource.local(feed.url())), false, false);
            open(context(wiring, request, false), new FxTaskRunner(wiring.io()));
            waitUntil(() -> window.model().reportProperty().get() != null && !window.model().busyProperty().get()
                    && !window.model().reportProperty().get().feeds().get(0).feed().isEmpty());
            fx(() -> window.showIncident("EDGE-KERNEL"));
            waitUntil(() -> !robot.lookup("#guide-steps").queryAs(Pane.class).getChildren().isEmpty());
            List<String> badges = robot.lookup("#incident-detail-scroll").lookup(".badge").queryAllAs(Label.class).stream()
                    .map(Label::getText).toList();
            assertTrue(badges.contains("Kept, not in use"), badges.toString());
            String here = robot.lookup("#incident-here").queryAll().stream().findFirst().map(n -> ((Pane) n).getChildren().stream()
                    .filter(c -> c instanceof Label).map(c -> ((Label) c).getText()).reduce("", (x, y) -> x + "\n" + y)).orElse("");
            assertTrue(here.contains("not in use, so the system is not affected by them"), here);
            List<String> commands = robot.lookup("#guide-steps").lookup(".mono").queryAllAs(TextField.class).stream()
                    .map(TextField::getText).toList();
            Path edge = TestRoots.dir().resolve("edge4");
            assertEquals(List.of("sudo dnf --installroot=" + edge + " remove kernel-core-6.17.6-300.fc43.x86_64"
                    + " kernel-modules-6.17.6-300.fc43.x86_64",
                    "sudo dnf --installroot=" + edge + " versionlock exclude kernel-core-6.17.6-300.fc43 kernel-modules-6.17.6-300.fc43"),
                    commands);
            screenshot("window-edge-kernel-not-in-use");

            // mesa-libGL is pending in two arches: its rows say which is which.
            fx(() -> window.tabs().getSelectionModel().select(0));
            List<String> names = robot.lookup("#updates-table").lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .map(c -> c.getText() == null ? "" : c.getText()).filter(t -> t.startsWith("mesa-libGL")).sorted().toList();
            assertEquals(List.of("mesa-libGL.i686", "mesa-libGL.x86_64"), names);
            screenshot("window-edge-two-arches");
        }
    }

    @Test
    void withoutIncidentDataNoUpdateLooksChecked() throws Exception {
        CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), true, false);
        open(context(wiring(Map.of()), request, false), TaskRunner.direct());
        waitUntil(() -> window.model().reportProperty().get() != null);
        assertEquals(Outlook.UNKNOWN, window.banner().shown());
        @SuppressWarnings("unchecked")
        TableView<UpdateAssessment> table = find("updates-table", TableView.class);
        assertEquals(9, table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(u -> u.verdict() == UpdateVerdict.UNKNOWN), table.getItems().toString());
        // The verdicts' badges; a security update's own badge says what it is, not whether it was checked.
        List<String> badges = robot.lookup("#updates-table").lookup(".badge").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).filter(l -> l.getStyleClass().stream().anyMatch(c -> c.startsWith("verdict-")))
                .map(Label::getText).distinct().toList();
        assertEquals(List.of("Not checked"), badges);
        screenshot("window-not-checked");
    }

    /**
     * With the real asynchronous runner: the History tab opened while the first check runs, then
     * the refresh with fetched feeds; the history still arrives (it used to be dropped as "stale"
     * by every refresh, and the tab stayed on "loading"), and again after switching to the demo.
     */
    @Test
    void theHistoryArrivesThroughRefreshesAndAfterSwitchingToTheDemo() throws Exception {
        Path sample = Path.of("src/main/resources/org/fedoraproject/preflight/adapter/feed/sample-feed.json");
        try (SignedFeed feed = SignedFeed.serve(Files.readAllBytes(sample),
                home)) {
            Main.Wiring wiring = wiring(feed.environment());
            CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()),
                    List.of(FeedSource.local(feed.url())), false, false);
            stage = FxToolkit.registerStage(Stage::new);
            FxToolkit.setupFixture(() -> {
                window = PreflightApp.show(stage, context(wiring, request, false), new FxTaskRunner(wiring.io()));
                window.tabs().getSelectionModel().select(2); // History, at once
            });
            @SuppressWarnings("unchecked")
            TableView<Transaction> table = find("history-table", TableView.class);
            waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null
                    && window.model().reportProperty().get().feeds().get(0).feed().isPresent());
            waitUntil(() -> table.getItems().size() == 6);
            assertEquals(6, table.getItems().size(), "the dnf4 root's six transactions");
            fx(() -> window.model().refresh());
            waitUntil(() -> !window.model().busyProperty().get());
            assertEquals(6, table.getItems().size(), "still there after another refresh");
            fx(() -> window.model().openDemo());
            waitUntil(() -> window.model().historyProperty().get() != null && !window.model().busyProperty().get());
            waitUntil(() -> table.getItems().size() == 7);
            assertEquals(6, table.getItems().stream().filter(t -> t.source().id().equals("dnf5")).count(),
                    "the demo's own history: six dnf5 transactions and PackageKit's dnf4 one");
        }
    }

    /**
     * The window the background instance opens (tray, notification): its context is made off the
     * JavaFX thread (it runs gsettings), and its links open in the browser (xdg-open), not nowhere.
     */
    @Test
    void theWindowFromTheBackgroundIsMadeOffTheFxThreadAndItsLinksOpen() throws Exception {
        Main.Wiring wiring = wiring(Map.of());
        assertTrue(wiring.window(DEMO).openLink() instanceof LinkOpener,
                "the background's window opens links with xdg-open");
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        PreflightApp.showFromBackground(() -> {
            onFxThread.add(Platform.isFxApplicationThread());
            return context(wiring, DEMO, false);
        }, Optional.of("FPS-2026-0045"));
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w instanceof Stage s && "Preflight".equals(s.getTitle())));
        assertEquals(List.of(false), onFxThread);
        fx(() -> new ArrayList<>(robot.listWindows()).stream().filter(w -> w != stage && w instanceof Stage s
                && "Preflight".equals(s.getTitle())).forEach(w -> ((Stage) w).close()));
    }

    @Test
    void withoutATraySettingsSaySoOnce() throws Exception {
        new TrayPresence(home.resolve(".local/state/preflight")).record(false);
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        fx(() -> window.tabs().getSelectionModel().select(3));
        Label note = find("settings-no-tray", Label.class);
        assertTrue(note.isVisible());
        assertTrue(note.getText().startsWith("This desktop shows no tray icons"), note.getText());
        new TrayPresence(home.resolve(".local/state/preflight")).record(true);
        assertFalse(new TrayPresence(home.resolve(".local/state/preflight")).missing());
    }

    /**
     * No feed, Fedora's sources answering (the real asynchronous runner): the verdict comes from
     * derived incidents; the banner says which sources it rests on; an incident's detail says it
     * is derived, and from what, before anything it claims. Then Bugzilla stops answering: the
     * banner says so as a warning, not only on stderr.
     */
    @Test
    void withoutAFeedTheWindowSaysTheVerdictIsDerivedAndWhichSourcesAnswered() throws Exception {
        try (SignedFeed feed = SignedFeed.serve(new byte[0], home)) {
            FedoraSources.serve(feed.server());
            Main.Wiring wiring = wiring(feed.environment());
            CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), false, false);
            open(context(wiring, request, false), new FxTaskRunner(wiring.io()));
            // The first report is from kept data (nothing kept yet); wait for the one after Fedora's sources answered.
            waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null
                    && window.model().reportProperty().get().signals().sources().stream().anyMatch(st -> st.source().equals("Bugzilla")
                            && st.state() == SourceState.State.ANSWERED));
            assertEquals(Outlook.HOLD, window.banner().shown());
            assertTrue(label("verdict-freshness").startsWith("No curated incident feed: incidents derived from Fedora's own sources"),
                    label("verdict-freshness"));
            assertEquals("Update information, Bodhi, Bugzilla, Common Issues answered", label("verdict-sources"));
            assertTrue(find("verdict-sources", Label.class).getStyleClass().contains("sources-ok"));
            Button addFeed = find("add-feed", Button.class);
            assertTrue(addFeed.isVisible(), "no curated feed: the banner offers to add one");
            // The roots' os-release says SUPPORT_END=2026-12-02: past it (or near it), said on a line of its own.
            assertTrue(label("verdict-release").startsWith("Fedora 43 "), label("verdict-release"));
            screenshot("window-derived-hold");
            fx(addFeed::fire);
            assertEquals(MainWindow.SETTINGS, window.tabs().getSelectionModel().getSelectedItem().getId());
            waitUntil(() -> robot.lookup("#settings-feed-url").tryQuery().isPresent());
            fx(() -> window.showIncident("rhbz#2400001"));
            assertEquals("Derived by Preflight from Bugzilla, not a curated incident. It rests on:", label("incident-derived"));
            List<String> evidence = robot.lookup("#incident-evidence").lookup(".hyperlink").queryAllAs(Hyperlink.class).stream()
                    .map(Hyperlink::getText).toList();
            assertTrue(evidence.contains("FEDORA-2026-5d1e2f3a4b (pending) fixes bug 2400001"), evidence.toString());
            assertEquals("The fix comes with FEDORA-2026-5d1e2f3a4b.", label("incident-fix"));
            // What Bugzilla says of the fix is in the evidence, in the user's words.
            assertTrue(evidence.stream().anyMatch(e -> e.contains("CommonBugs) against mesa-dri-drivers, fixed in 25.1.6-1.fc43")),
                    evidence.toString());
            screenshot("window-derived-incident");
            fx(() -> window.showIncident("rhbz#2400040"));
            // The topic's workaround appears once, as a step of the guide, said to be the topic's; its lines are text.
            waitUntil(() -> robot.lookup("#incident-detail").lookup(".guide-step").queryAll().size() > 1);
            assertTrue(robot.lookup("#incident-detail").lookup(".workaround").queryAll().isEmpty(), "not twice");
            Pane step = robot.lookup("#incident-detail").lookup(".guide-step").queryAll().stream().map(n -> (Pane) n)
                    .filter(n -> n.getChildren().stream().anyMatch(c -> c instanceof Label l && l.getText().contains("GRUB menu")))
                    .findFirst().orElseThrow();
            String workaround = step.getChildren().stream().filter(c -> c instanceof Label).map(c -> ((Label) c).getText())
                    .reduce("", (a, b) -> a + "\n" + b);
            assertTrue(workaround.contains("From the Common Issues topic"), workaround);
            assertTrue(workaround.contains("Boot the previous kernel from the GRUB menu."), workaround);
            assertTrue(step.lookupAll(".mono").stream().noneMatch(n -> ((TextField) n).getText().contains("GRUB")),
                    "a topic's text is never in a command box (the guide's own commands are)");

            feed.server().answerByQuery("/rest/bug", query -> FeedServer.Answer.status(503, Map.of()));
            fx(() -> window.model().refresh());
            waitUntil(() -> !window.model().busyProperty().get() && label("verdict-sources").contains("Bugzilla did not answer"));
            assertTrue(find("verdict-sources", Label.class).getStyleClass().contains("sources-trouble"));
            screenshot("window-derived-bugzilla-down");
        }
    }

    /**
     * Bugzilla down, Bodhi and Common Issues answering with nothing against the updates: the
     * banner never says "Safe to update"; it says what the verdict rests on and what was not
     * checked, in caution style (#27, point 6). A derived bug with no version range is "Problem
     * reported", never "Affected" (point 1).
     */
    @Test
    void aPartialCheckSaysWhatItDidNotCheckAndLooseEvidenceIsNeverAffected() throws Exception {
        try (SignedFeed feed = SignedFeed.serve(new byte[0], home)) {
            openPartialCheck(feed, false);
            assertEquals(Outlook.CAUTION, window.banner().shown());
            assertEquals("Safe as far as Bodhi, Common Issues tell", label("verdict-title"));
            assertTrue(label("verdict-next").startsWith("Not checked: Bugzilla could not be read, so known bugs were not checked."),
                    label("verdict-next"));
            screenshot("window-partial-check");

            FedoraSources.serve(feed.server());
            fx(() -> window.model().refresh());
            waitUntil(() -> !window.model().busyProperty().get() && !window.model().reportProperty().get().partial());
            fx(() -> window.showIncident("rhbz#2400010"));
            String here = robot.lookup("#incident-here").queryAs(Pane.class).getChildren().stream()
                    .filter(c -> c instanceof Label).map(c -> ((Label) c).getText()).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(here.contains("A problem is reported for it, but not which versions have it"), here);
            assertFalse(here.contains("since dnf4 transaction"), "no transaction is said to have brought it: " + here);
            screenshot("window-reported-incident");
        }
    }

    /** The dnf4 root with Bugzilla down (the real task runner), once the check that could not ask it is shown. */
    private void openPartialCheck(SignedFeed feed, boolean dark) throws Exception {
        feed.server().answerByQuery("/rest/bug", query -> FeedServer.Answer.status(503, Map.of()));
        Main.Wiring wiring = wiring(feed.environment());
        CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), false, false);
        open(context(wiring, request, dark), new FxTaskRunner(wiring.io()));
        waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null
                && window.model().reportProperty().get().partial());
    }

    /** The same partial check, dark and at 700×500: the banner's words wrap and stay inside the window. */
    @Test
    void aPartialCheckInDarkAtSevenHundredByFiveHundred() throws Exception {
        try (SignedFeed feed = SignedFeed.serve(new byte[0], home)) {
            openPartialCheck(feed, true);
            fx(() -> {
                stage.setWidth(700);
                stage.setHeight(500);
            });
            fx(() -> stage.getScene().getRoot().layout());
            assertEquals("Safe as far as Bodhi, Common Issues tell", label("verdict-title"));
            double width = stage.getScene().getWidth();
            for (String id : List.of("verdict-title", "verdict-next")) {
                Label l = find(id, Label.class);
                Bounds b = l.localToScene(l.getBoundsInLocal());
                assertTrue(b.getMaxX() <= width + 1, id + " ends at " + b.getMaxX() + " in a scene " + width + " wide");
            }
            screenshot("window-partial-check-dark-700");
        }
    }

    /**
     * GNOME Software prepared an offline update that installs a held version (the real packagekitd
     * on a private system bus): the banner says so first, with the command that cancels it.
     */
    @Test
    void aPreparedUpdateWithAHeldVersionIsSaidFirstWithTheWayOut() throws Exception {
        try (PrivateSystemBus bus = PrivateSystemBus.start(
                Files.createDirectories(home.resolve("bus"))); SignedFeed feed = SignedFeed.serve(new byte[0], home)) {
            FedoraSources.serve(feed.server());
            Files.writeString(bus.packageKitState().resolve("prepared-update"),
                    "[update]\nprepared_ids=firefox;146.0-1.fc43;x86_64;updates,htop;3.4.2-1.fc43;x86_64;updates\n");
            Map<String, String> env = new HashMap<>(feed.environment());
            env.putAll(Map.of("PREFLIGHT_PACKAGEKIT", "always", "DBUS_SYSTEM_BUS_ADDRESS", bus.address()));
            Main.Wiring wiring = wiring(env);
            CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), false, false);
            open(context(wiring, request, false), new FxTaskRunner(wiring.io()));
            // The first report is from kept data (nothing kept yet); wait for the one after Fedora's sources answered.
            waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null
                    && window.model().reportProperty().get().signals().sources().stream().anyMatch(st -> st.source().equals("Bugzilla")
                            && st.state() == SourceState.State.ANSWERED));
            assertTrue(find("verdict-prepared", Pane.class).isVisible(), () -> "prepared " + window.model().reportProperty().get()
                    .packageKit() + ", held " + window.model().reportProperty().get().assessment().heldUpdates() + ", warnings "
                    + window.model().reportProperty().get().warnings());
            assertEquals("The update GNOME Software prepared will install firefox 146.0-1.fc43 at the next restart."
                    + " Cancel it before you restart (it asks for your password; after the hold, let GNOME Software prepare the update"
                    + " again):", label("verdict-prepared-text"));
            TextField command = robot.lookup("#verdict-prepared").lookup(".mono").queryAs(TextField.class);
            assertEquals("pkcon offline-cancel", command.getText());
            assertTrue(label("verdict-sources").contains("GNOME Software (PackageKit) and dnf see different updates: 3 only in"
                    + " PackageKit, 9 only in dnf; all are checked"), label("verdict-sources"));
            screenshot("window-prepared-update-held");
        }
    }

    /**
     * The first check (kept data, nothing kept yet) could not check; while the next one fetches,
     * the banner says it is getting the data, not "could not check" with "Open the demo".
     */
    @Test
    void whileTheFirstDownloadRunsTheBannerSaysItIsFetching() throws Exception {
        List<Runnable> held = new CopyOnWriteArrayList<>();
        TaskRunner firstThenHold = new TaskRunner() {
            private boolean first = true;

            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done,
                                Consumer<Throwable> failed) {
                Runnable task = () -> {
                    try {
                        done.accept(work.call());
                    } catch (Exception e) {
                        failed.accept(e);
                    }
                };
                if (first) {
                    first = false;
                    task.run();
                } else {
                    held.add(task);
                }
            }
        };
        CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), false, false);
        open(context(wiring(Map.of("PREFLIGHT_BODHI_URL", "http://127.0.0.1:9", "PREFLIGHT_DISCOURSE_URL", "http://127.0.0.1:9",
                "PREFLIGHT_BUGZILLA_URL", "http://127.0.0.1:9")), request, false), firstThenHold);
        waitUntil(() -> !held.isEmpty());
        assertTrue(window.model().busyProperty().get());
        assertEquals("Getting the incident data\u2026", label("verdict-title"));
        assertTrue(!find("open-demo", Button.class).isVisible(), "no Open the demo while fetching");
        screenshot("window-fetching");
        fx(() -> held.remove(0).run());
        assertTrue(!window.model().busyProperty().get());
        assertEquals(Outlook.UNKNOWN, window.banner().shown(), "nothing answered: could not check");
        assertTrue(find("open-demo", Button.class).isVisible());
        // Said once, in a person's words: not "Connection refused" for each source.
        assertEquals("You seem to be offline, and nothing is kept from before to check with. Connect to the internet, then press"
                + " Check again.", label("verdict-next"));
        screenshot("window-offline-first-run");
    }

    /** A newer stable release is out: the window offers the upgrade check and shows its answer. */
    @Test
    void aNewerReleaseOffersTheUpgradeCheckAndItsAnswer() throws Exception {
        try (SignedFeed feed = SignedFeed.serve(new byte[0], home)) {
            FedoraSources.serve(feed.server());
            feed.server().answer("/releases/", FeedServer.Answer.json(("{\"releases\":["
                    + "{\"name\":\"F43\",\"version\":\"43\",\"id_prefix\":\"FEDORA\",\"state\":\"current\",\"eol\":\"2026-12-02\"},"
                    + "{\"name\":\"F44\",\"version\":\"44\",\"id_prefix\":\"FEDORA\",\"state\":\"current\",\"eol\":null}]}")
                    .getBytes(StandardCharsets.UTF_8), null));
            // Fedora 44's CommonBugs: a gnome-shell bug fixed only in a later build (strong evidence).
            feed.server().answerByQuery("/rest/bug", q -> FeedServer.Answer.json((
                    q.contains("version=44") && q.contains("v1=0") ? "{\"bugs\":[{\"id\":2500010,\"summary\":\"GNOME Shell crashes"
                    + " on login\",\"component\":[\"gnome-shell\"],\"version\":[\"44\"],\"status\":\"ASSIGNED\",\"is_open\":true,"
                    + "\"keywords\":[\"CommonBugs\"],\"cf_fixed_in\":\"gnome-shell-50.1-2.fc44\",\"severity\":\"high\"}]}"
                    : "{\"bugs\":[]}").getBytes(StandardCharsets.UTF_8), null));
            Main.Wiring wiring = wiring(feed.environment());
            CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), false, false);
            open(context(wiring, request, false), new FxTaskRunner(wiring.io()));
            waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null
                    && window.model().reportProperty().get().release().flatMap(r -> r.newestStable()).isPresent());
            assertTrue(find("upgrade-panel", Pane.class).isVisible());
            Button ask = find("upgrade-ask", Button.class);
            assertEquals("Is it safe to upgrade to Fedora 44?", ask.getText());
            fx(ask::fire);
            waitUntil(() -> window.model().upgradeProperty().get() != null);
            assertTrue(label("upgrade-verdict").startsWith("Wait: a serious known problem in Fedora 44"), label("upgrade-verdict"));
            screenshot("window-upgrade-check");
        }
    }

    /** At 700×500 the window stays usable: the banner's words wrap inside it, nothing runs off its right edge. */
    @Test
    void atSevenHundredByFiveHundredNothingIsClipped() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        fx(() -> {
            stage.setWidth(700);
            stage.setHeight(500);
        });
        fx(() -> stage.getScene().getRoot().layout());
        double width = stage.getScene().getWidth();
        for (String id : List.of("verdict-title", "verdict-next", "verdict-freshness")) {
            Label l = find(id, Label.class);
            Bounds b = l.localToScene(l.getBoundsInLocal());
            assertTrue(b.getMaxX() <= width + 1, id + " ends at " + b.getMaxX() + " in a scene " + width + " wide");
            assertTrue(!l.getText().isEmpty());
        }
        Button again = find("check-again", Button.class);
        assertTrue(again.localToScene(again.getBoundsInLocal()).getMaxX() <= width + 1, "Check again stays in the window");
        // What a label shows is its own text, not one cut short with "...": the banner, the table's headers and badges.
        List<Labeled> shownLabels = new ArrayList<>();
        shownLabels.add(find("verdict-title", Label.class));
        shownLabels.addAll(robot.lookup(".demo-tag").queryAllAs(Label.class));
        shownLabels.addAll(robot.lookup("#updates-table").lookup(".column-header .label").queryAllAs(Label.class));
        shownLabels.addAll(robot.lookup("#updates-table").lookup(".badge").queryAllAs(Label.class));
        for (Labeled l : shownLabels) {
            if (l.isVisible() && l.getScene() != null && !l.getText().isEmpty()) {
                Text drawn = (Text) l.lookup(".text");
                assertEquals(l.getText(), drawn.getText().replace("\n", " ").replace("  ", " ").strip().isEmpty() ? l.getText()
                        : drawn.getText(), "cut short: " + l.getText());
            }
        }
        // Room for the content: at least six updates are seen whole under the banner and its list of what to do.
        Region table = find("updates-table", Region.class);
        double bottom = table.localToScene(table.getBoundsInLocal()).getMaxY();
        long whole = robot.lookup("#updates-table").lookup(".table-row-cell").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getItem() != null && n.localToScene(n.getBoundsInLocal()).getMaxY() <= bottom).count();
        assertTrue(whole >= 6, whole + " rows seen whole at 700x500");
        assertTrue(robot.lookup("#verdict-todo").queryAll().stream().allMatch(Node::isVisible), "the list of what to do is there too");
        screenshot("window-700x500-updates");
        fx(() -> window.showIncident("FPS-2026-0042"));
        fx(() -> stage.getScene().getRoot().layout());
        Label title = find("incident-title", Label.class);
        assertTrue(title.localToScene(title.getBoundsInLocal()).getMaxX() <= width + 1, "the incident title wraps in the window");
        Set<Label> timeline = robot.lookup("#incident-timeline").lookup(".label").queryAllAs(Label.class);
        assertTrue(timeline.size() >= 2, "the sample incident has a timeline: " + timeline.size());
        for (Label when : timeline) {
            Text drawn = (Text) when.lookup(".text");
            assertEquals(when.getText().replaceAll("\\s+", " "), drawn.getText().replaceAll("\\s+", " "),
                    "a timeline line is cut short");
        }
        List<Label> inList = new ArrayList<>(robot.lookup("#incident-list").lookup(".badge").queryAllAs(Label.class));
        inList.addAll(robot.lookup("#incident-list").lookup(".label").queryAllAs(Label.class));
        for (Label badge : inList) {
            Text drawn = (Text) badge.lookup(".text");
            assertEquals(badge.getText(), drawn.getText(), "a badge in the list is cut short");
        }
        screenshot("window-700x500-incident");
    }

    /** Settings are written through the task runner, off the JavaFX thread: settings.json and the autostart entry. */
    @Test
    void settingsAreWrittenOffTheJavaFxThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        TaskRunner recording = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> done,
                                Consumer<Throwable> failed) {
                pool.submit(() -> {
                    threads.add(Thread.currentThread().getName() + (Platform.isFxApplicationThread() ? " (FX)" : ""));
                    try {
                        T result = work.call();
                        Platform.runLater(() -> done.accept(result));
                    } catch (Exception e) {
                        Platform.runLater(() -> failed.accept(e));
                    }
                });
            }
        };
        try {
            open(context(wiring(Map.of()), DEMO, false), recording);
            waitUntil(() -> window.model().reportProperty().get() != null);
            fx(() -> window.tabs().getSelectionModel().select(3));
            // The tab reads settings.json through the runner too, then makes its controls.
            waitUntil(() -> robot.lookup("#settings-content").tryQuery().isPresent());
            int before = threads.size();
            fx(() -> find("settings-start-at-login", ToggleSwitch.class).setSelected(true));
            Path autostart = home.resolve("config/autostart/org.fedoraproject.Preflight.desktop");
            waitUntil(() -> Files.exists(autostart));
            waitUntil(() -> label("settings-saved").startsWith("Saved"));
            assertTrue(threads.size() > before, "the write went through the task runner");
            assertTrue(threads.stream().noneMatch(t -> t.endsWith("(FX)")), threads.toString());
            assertTrue(Files.readString(home.resolve("config/preflight/settings.json")).contains("\"start_at_login\": true"));
            fx(() -> ((ScrollPane) robot.lookup("#settings-content").query().getParent().getParent().getParent()).setVvalue(1.0));
            screenshot("window-settings-switches");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Focus is visible: a focused link, a focused list row and the focused tab strip draw a border. */
    @Test
    void focusIsVisibleOnLinksRowsAndTabs() throws Exception {
        open(context(wiring(Map.of()), DEMO, false), TaskRunner.direct());
        Hyperlink link = robot.lookup("#updates-table").lookup(".hyperlink").queryAllAs(Hyperlink.class).stream()
                .filter(Node::isVisible).findFirst().orElseThrow();
        fx(link::requestFocus);
        fx(() -> stage.getScene().getRoot().applyCss());
        assertTrue(link.isFocused());
        assertTrue(link.getBorder() != null && !link.getBorder().isEmpty(), "a focused link draws a border");
        fx(() -> window.tabs().requestFocus());
        fx(() -> stage.getScene().getRoot().applyCss());
        Node tab = robot.lookup("#tabs").lookup(".tab:selected").query();
        assertTrue(((Region) tab).getBorder() != null && !((Region) tab).getBorder().isEmpty(),
                "the focused tab strip shows which tab");
        fx(() -> window.showIncident("FPS-2026-0042"));
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#incident-list").queryAs(ListView.class);
        fx(() -> {
            list.requestFocus();
            list.getFocusModel().focus(0);
        });
        fx(() -> stage.getScene().getRoot().applyCss());
        ListCell<?> cell = robot.lookup("#incident-list").lookup(".list-cell").queryAllAs(ListCell.class)
                .stream().filter(ListCell::isFocused).findFirst().orElseThrow();
        assertTrue(cell.getBorder() != null && !cell.getBorder().isEmpty(), "a focused row draws a border");
        screenshot("window-focus-list");
    }

    /** A feed added in the settings is fetched and verified there and then; one that answers 404 is failing, not "never fetched". */
    @Test
    void anAddedFeedThatAnswersNotFoundIsShownFailing() throws Exception {
        try (SignedFeed feed = SignedFeed.serve(new byte[0], home)) {
            Main.Wiring wiring = wiring(feed.environment());
            CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), false, false);
            open(context(wiring, request, false), new FxTaskRunner(wiring.io()));
            waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null);
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            String missing = feed.server().url("/no-such-feed.json");
            fx(() -> {
                find("settings-feed-url", TextField.class).setText(missing);
                find("settings-feed-local", CheckBox.class).setSelected(true);
            });
            fx(() -> find("settings-add-feed", Button.class).fire());
            waitUntil(() -> robot.lookup("#settings-feed-state").tryQuery().map(n -> ((Label) n).getText()).orElse("")
                    .startsWith("Failing: "));
            Label state = robot.lookup("#settings-feed-state").queryAs(Label.class);
            assertTrue(state.getText().startsWith("Failing: HTTP 404"), state.getText());
            assertFalse(state.getText().contains("Never fetched"), state.getText());
            assertTrue(state.getStyleClass().contains("danger-text"));
            screenshot("window-settings-feed-failing");
        }
    }

    /** A feed that fails after a good fetch: its row says the kept copy is used, never "fetched just now". */
    @Test
    void aFeedThatFailsSaysItsKeptCopyIsUsedNotFetched() throws Exception {
        try (SignedFeed feed = SignedFeed.serve(FeedParser.class
                .getResourceAsStream("sample-feed.json").readAllBytes(), home)) {
            Files.writeString(home.resolve("config/preflight/settings.json"), "{\"feeds\": [{\"url\": \"" + feed.url()
                    + "\", \"local\": true}]}");
            Main.Wiring wiring = wiring(feed.environment());
            CheckService.Request request = new CheckService.Request(Optional.of(TestRoots.dnf4Root()), List.of(), false, false);
            open(context(wiring, request, false), new FxTaskRunner(wiring.io()));
            waitUntil(() -> !window.model().busyProperty().get() && window.model().reportProperty().get() != null
                    && window.model().reportProperty().get().feeds().stream().anyMatch(f -> f.feed().isPresent() && f.error().isEmpty()));
            feed.server().answer("/incidents.json", FeedServer.Answer.status(404, Map.of()));
            fx(() -> window.model().refresh());
            waitUntil(() -> !window.model().busyProperty().get()
                    && window.model().reportProperty().get().feeds().stream().anyMatch(f -> f.error().isPresent()));
            fx(() -> window.tabs().getSelectionModel().select(3));
            waitUntil(() -> robot.lookup("#settings-content").tryQuery().isPresent());
            String row = robot.lookup("#settings-feeds").lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                    .reduce("", (a, b) -> a + " | " + b);
            assertTrue(row.contains("using the copy kept from"), row);
            assertFalse(row.contains("Fetched"), "never 'fetched' next to a problem: " + row);
        }
    }
}
