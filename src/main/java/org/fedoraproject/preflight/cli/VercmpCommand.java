package org.fedoraproject.preflight.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code preflight vercmp A B}: rpm's ordering of two EVRs, like {@code rpmdev-vercmp}. */
@Command(name = "vercmp",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = 2)
final class VercmpCommand implements Callable<Integer> {

    private static final Messages TEXT = Messages.load(Locale.getDefault());

    static final int MALFORMED = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--batch")
    boolean batch;

    @Parameters(arity = "0..2", paramLabel = "EVR", descriptionKey = "preflight.vercmp.versions")
    String[] versions = new String[0];

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (batch) {
            if (versions.length != 0) {
                err.println(TEXT.get("cli.vercmp.batchArgs"));
                return MALFORMED;
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
            return compareLines(in, out, err);
        }
        if (versions.length != 2) {
            err.println(TEXT.get("cli.vercmp.needsTwo"));
            return MALFORMED;
        }
        try {
            spec.commandLine().getOut().println(compare(versions[0], versions[1]));
            return 0;
        } catch (InvalidVersionException e) {
            err.println(TEXT.get("cli.vercmp.invalid", e.getMessage()));
            return MALFORMED;
        }
    }

    /** Compares each {@code A<TAB>B} line; stops at the first malformed one. */
    static int compareLines(BufferedReader in, Writer out, PrintWriter err) throws IOException {
        int lineNumber = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                int tab = line.indexOf('\t');
                if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                    err.println(TEXT.get("cli.vercmp.badLine", Long.toString(lineNumber), line));
                    return MALFORMED;
                }
                try {
                    out.write(Integer.toString(compare(line.substring(0, tab), line.substring(tab + 1))));
                    out.write('\n');
                } catch (InvalidVersionException e) {
                    err.println(TEXT.get("cli.vercmp.lineInvalid", Long.toString(lineNumber), e.getMessage()));
                    return MALFORMED;
                }
            }
            return 0;
        } finally {
            out.flush();
            err.flush();
        }
    }

    static int compare(String a, String b) {
        return Integer.signum(Evr.parse(a).compareTo(Evr.parse(b)));
    }
}
