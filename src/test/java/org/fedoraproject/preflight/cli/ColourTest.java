package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.fedoraproject.preflight.assess.Verdict;
import org.junit.jupiter.api.Test;

class ColourTest {

    @Test
    void onlyOnATerminalWithoutNoColorOrADumbTerminal() {
        assertTrue(Colour.of(true, Map.of("TERM", "xterm-256color")).on());
        assertFalse(Colour.of(false, Map.of()).on(), "piped or written to a file");
        assertFalse(Colour.of(true, Map.of("NO_COLOR", "1")).on(), "no-color.org");
        assertTrue(Colour.of(true, Map.of("NO_COLOR", "")).on(), "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(Colour.of(true, Map.of("TERM", "dumb")).on());
    }

    @Test
    void theVerdictsColours() {
        Colour on = new Colour(true);
        assertEquals("\u001b[1;31mHOLD\u001b[0m", on.verdict(Verdict.HOLD, "HOLD"));
        assertEquals("\u001b[1;33mCAUTION\u001b[0m", on.verdict(Verdict.CAUTION, "CAUTION"));
        assertEquals("\u001b[1;32mSAFE\u001b[0m", on.verdict(Verdict.SAFE, "SAFE"));
        assertEquals("\u001b[1mCOULD NOT CHECK\u001b[0m", on.couldNot("COULD NOT CHECK"));
        assertEquals("HOLD", Colour.OFF.verdict(Verdict.HOLD, "HOLD"));
    }

    @Test
    void theGuardPassesTheseColoursAndNoOtherEscape() throws IOException {
        StringWriter raw = new StringWriter();
        try (TerminalSafeWriter guard = new TerminalSafeWriter(raw)) {
            guard.write(new Colour(true).verdict(Verdict.HOLD, "HOLD") + " \u001b[2J\u001b]52;c;aGk=\u0007 \u001b[1;31");
        }
        assertEquals("\u001b[1;31mHOLD\u001b[0m [2J]52;c;aGk= [1;31", raw.toString(),
                "the colour whole; a screen clear, a clipboard write and a cut sequence lose their ESC");
    }
}
