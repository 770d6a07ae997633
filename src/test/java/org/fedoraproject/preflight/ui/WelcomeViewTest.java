package org.fedoraproject.preflight.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.OsReleaseParser;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.testing.Screenshots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The first screen in a real window under X (Xvfb in CI). */
class WelcomeViewTest {

    private static final Messages TEXT = Messages.load(Locale.ENGLISH);

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void display() throws Exception {
        Tools.requireDisplay();
        FxToolkit.registerPrimaryStage();
    }

    private Stage show(Reading<OsRelease> os) throws Exception {
        Stage stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupFixture(() -> PreflightApp.show(stage, new WelcomeView(TEXT, "1.2.3", os), TEXT));
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    private String text(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void onFedoraSaysWhatItIsAndWhichSystemThisIs() throws Exception {
        Stage stage = show(Reading.of(OsReleaseParser.parse(
                "NAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID=43\nVARIANT_ID=workstation\n"
                        + "PRETTY_NAME=\"Fedora Linux 43 (Workstation Edition)\"\n")));
        assertEquals("Preflight", stage.getTitle());
        assertEquals("Preflight", text("title"));
        assertEquals("version 1.2.3", text("version"));
        assertEquals("This system: Fedora Linux 43 (Workstation Edition).", text("system"));
        assertTrue(robot.lookup("#system").queryAs(Label.class).getStyleClass().contains(WelcomeView.MESSAGE_INFO));
        assertTrue(text("what").contains("Fedora's published list"), text("what"));
        screenshot(stage, "welcome-fedora");
    }

    @Test
    void elsewhereSaysClearlyThatThisIsNotFedora() throws Exception {
        Stage stage = show(Reading.of(OsReleaseParser.parse(
                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nID=debian\n")));
        String message = text("system");
        assertTrue(message.startsWith("This is not Fedora. This machine runs Debian GNU/Linux 12 (bookworm)"), message);
        assertTrue(robot.lookup("#system").queryAs(Label.class).getStyleClass().contains(WelcomeView.MESSAGE_WARNING));
        screenshot(stage, "welcome-not-fedora");
    }

    @Test
    void anUnreadableSystemIsSaidSo() throws Exception {
        Stage stage = show(Reading.unavailable("/etc/os-release", "missing"));
        assertEquals("Preflight could not tell which system this is (/etc/os-release: missing). "
                + "It checks Fedora systems only.", text("system"));
        screenshot(stage, "welcome-unknown-system");
    }

    private static void screenshot(Stage stage, String name) throws Exception {
        Path[] file = new Path[1];
        FxToolkit.setupFixture(() -> file[0] = Screenshots.save(stage.getScene(), name));
        assertTrue(Files.size(file[0]) > 1000, "screenshot written: " + file[0]);
        FxToolkit.setupFixture(stage::close);
    }
}
