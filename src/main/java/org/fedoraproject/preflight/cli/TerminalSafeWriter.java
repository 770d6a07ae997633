package org.fedoraproject.preflight.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.fedoraproject.preflight.incident.SafeText;

/**
 * The last guard before the terminal: every character that could control it (ESC and the other
 * C0 controls, DEL, C1 controls such as CSI, a carriage return that rewrites a line) or make text
 * read otherwise than it is (bidirectional overrides, line separators) is dropped, whatever
 * source it came from. Line breaks and tabs pass. Every value is also cleaned where it is read;
 * this catches what a reader missed. In JSON output the only raw line breaks are between values
 * (Gson escapes them inside strings), so the JSON stays valid. The one exception: the few
 * colour sequences of {@link Colour} (colour and weight only), whole.
 */
final class TerminalSafeWriter extends FilterWriter {

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    static boolean passes(char c) {
        return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t' || !SafeText.isUnsafe(c); // printable ASCII first: most of what passes
    }

    @Override
    public void write(int c) throws IOException {
        if (passes((char) c)) {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int k = offset; k < end; k++) {
            if (!passes(buffer[k])) {
                int colour = colourAt(buffer, k, end);
                if (colour > 0) {
                    k += colour - 1; // written with the text around it
                    continue;
                }
                out.write(buffer, start, k - start);
                start = k + 1;
            }
        }
        out.write(buffer, start, end - start);
    }

    /** The length of the colour sequence of Colour's at {@code k}, whole in this buffer; 0 if none. */
    private static int colourAt(char[] buffer, int k, int end) {
        for (String sequence : Colour.SEQUENCES) {
            if (end - k >= sequence.length() && new String(buffer, k, sequence.length()).equals(sequence)) {
                return sequence.length();
            }
        }
        return 0;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        char[] part = new char[length];
        text.getChars(offset, offset + length, part, 0);
        write(part, 0, length);
    }
}
