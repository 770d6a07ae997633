package org.fedoraproject.preflight.incident;

/**
 * Text from outside (Bodhi comments, Discourse titles, a server's or a program's error line)
 * made safe to print to a terminal and show in a window: control characters (escape sequences
 * that could set the terminal's title or write its clipboard, OSC 52), DEL and C1 controls,
 * bidirectional controls (text that reads otherwise than it is) and the Unicode line and
 * paragraph separators are removed; line breaks and tabs are kept only in multi-line text.
 * Feeds are stricter: their text with such characters is refused, not cleaned (FeedParser).
 */
public final class SafeText {

    private SafeText() {
    }

    public static String line(String text) {
        return clean(text, false);
    }

    public static String multiline(String text) {
        return clean(text, true);
    }

    /** Whether the character may never reach a terminal or a window. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029;
    }

    private static String clean(String text, boolean multiline) {
        StringBuilder out = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean kept = !isUnsafe(c) || (multiline && (c == '\n' || c == '\t'));
            if (!kept && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, k);
            }
            if (out != null && kept) {
                out.append(c);
            } else if (out != null && (c == '\n' || c == '\t' || c == 0x2028 || c == 0x2029)) {
                out.append(' ');
            }
        }
        return out == null ? text : out.toString();
    }
}
