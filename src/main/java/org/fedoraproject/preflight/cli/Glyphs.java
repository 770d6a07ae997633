package org.fedoraproject.preflight.cli;

import java.nio.charset.Charset;

/**
 * Bullets, dashes and arrows for the terminal, or their ASCII stand-ins where the terminal's
 * charset cannot show them (a C locale), so that nobody reads question marks.
 */
record Glyphs(String bullet, String dash, String arrow) {

    static final Glyphs UNICODE = new Glyphs("•", "—", "→");
    static final Glyphs ASCII = new Glyphs("*", "-", "->");

    static Glyphs forCharset(Charset charset) {
        return charset.newEncoder().canEncode(UNICODE.bullet + UNICODE.dash + UNICODE.arrow) ? UNICODE : ASCII;
    }

    static Glyphs forTerminal() {
        return forCharset(Charset.defaultCharset());
    }

    /** A line said with the Unicode glyphs, written with these: the ASCII stand-ins where the terminal cannot show them. */
    String fit(String line) {
        return this == UNICODE ? line : line.replace(UNICODE.bullet, bullet).replace(UNICODE.dash, dash).replace(UNICODE.arrow, arrow);
    }
}
