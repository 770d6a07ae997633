package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VercmpCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PreflightCommand.commandLine(request -> {
            throw new AssertionError("no window for a subcommand");
        }, null, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsMinusOneZeroOrOne() {
        assertEquals(0, run("vercmp", "1.0~rc1", "1.0"));
        assertEquals("-1" + System.lineSeparator(), out.toString());
    }

    @Test
    void saysWhatIsWrongWithAVersion() {
        assertEquals(2, run("vercmp", "a:1", "1"));
        assertTrue(err.toString().contains("invalid version: ':' is not allowed: \"a:1\""), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void needsTwoVersionsOrBatch() {
        assertEquals(2, run("vercmp", "1.0"));
        assertEquals(2, run("vercmp", "--batch", "1.0"));
        assertEquals(2, run("vercmp", "1", "2", "3"));
    }

    @Test
    void batchStopsAtTheFirstMalformedLine() throws IOException {
        StringWriter results = new StringWriter();
        StringWriter errors = new StringWriter();
        int status = VercmpCommand.compareLines(
                new BufferedReader(new StringReader("1\t2\r\n2\t1\n1\t2\t3\n1\t1\n")), results, new PrintWriter(errors));
        assertEquals(2, status);
        assertEquals("-1\n1\n", results.toString());
        assertTrue(errors.toString().contains("line 3: expected A<TAB>B"), errors.toString());
    }

    @Test
    void batchReportsAnInvalidVersionWithItsLine() throws IOException {
        StringWriter errors = new StringWriter();
        int status = VercmpCommand.compareLines(
                new BufferedReader(new StringReader("1\t2\n\n")), new StringWriter(), new PrintWriter(errors));
        assertEquals(2, status);
        assertTrue(errors.toString().contains("line 2"), errors.toString());
    }

    @Test
    void emptyInputIsNoError() throws IOException {
        assertEquals(0, VercmpCommand.compareLines(
                new BufferedReader(new StringReader("")), new StringWriter(), new PrintWriter(new StringWriter())));
    }
}
