package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.app.CheckService;
import org.junit.jupiter.api.Test;

/** {@code preflight} with the window's options opens the window with the request they describe. */
class PreflightCommandTest {

    private final List<CheckService.Request> opened = new ArrayList<>();

    @Test
    void theWindowsOptionsBecomeItsRequest() {
        int status = PreflightCommand.run(opened::add, null, "--root", "/srv/f43", "--feed", "https://example.org/f.json",
                "--offline");
        assertEquals(PreflightCommand.WINDOW_CLOSED, status);
        assertEquals(1, opened.size());
        assertEquals(Optional.of(Path.of("/srv/f43")), opened.get(0).root());
        assertEquals("https://example.org/f.json", opened.get(0).extraFeeds().get(0).url().toString());
        assertTrue(opened.get(0).offline());
        assertFalse(opened.get(0).demo());
        PreflightCommand.run(opened::add, null, "--demo");
        assertTrue(opened.get(1).demo());
    }

    @Test
    void onlyTheWindowsOwnOptionsSkipBuildingTheSubcommands() {
        assertTrue(PreflightCommand.opensTheWindow());
        assertTrue(PreflightCommand.opensTheWindow("--demo"));
        assertTrue(PreflightCommand.opensTheWindow("--root", "/x", "--feed=https://e.org/f", "--offline"));
        assertFalse(PreflightCommand.opensTheWindow("check"));
        assertFalse(PreflightCommand.opensTheWindow("--help"));
        assertFalse(PreflightCommand.opensTheWindow("--demo", "vercmp"));
        assertFalse(PreflightCommand.opensTheWindow("--root"));
        assertEquals(0, PreflightCommand.commandLine(opened::add, null, "--demo").getSubcommands().size());
        assertEquals(PreflightCommand.SUBCOMMANDS.size(), PreflightCommand.commandLine(opened::add, null, "--help")
                .getSubcommands().size());
        assertEquals(List.of(), opened);
    }
}
