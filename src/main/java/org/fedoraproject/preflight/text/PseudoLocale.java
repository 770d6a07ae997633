package org.fedoraproject.preflight.text;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pseudo-locale en-XA: every sentence of the bundle bracketed and its letters accented
 * ("⟦Ĥóļð⟧"), placeholders and MessageFormat syntax left whole. Run with it, any English a person
 * still reads did not come from the bundle: the pseudo-locale tests look for exactly that.
 */
public final class PseudoLocale {

    public static final Locale LOCALE = Locale.forLanguageTag("en-XA");
    public static final String OPEN = "\u27e6";
    public static final String CLOSE = "\u27e7";

    private static final String PLAIN = "abcdeghiklnorstuyABCDEGHIKLNORSTUY";
    private static final String ACCENTED = "áƀçðéĝĥíķļñóŕšţúýÁƁÇÐÉĜĤÍĶĻÑÓŔŠŢÚÝ";

    private PseudoLocale() {
    }

    static boolean is(Locale locale) {
        return LOCALE.getLanguage().equals(locale.getLanguage()) && LOCALE.getCountry().equals(locale.getCountry());
    }

    static ResourceBundle of(ResourceBundle english) {
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                if (!english.containsKey(key)) {
                    return null;
                }
                return key.equals(Text.UNTRANSLATED) ? english.getString(key) : transform(english.getString(key));
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(english.keySet());
            }
        };
    }

    /**
     * Brackets the sentence and accents its letters, except the {placeholders} MessageFormat must
     * still read, and the commands between backticks; the words of a choice ("{0,choice,1#it|1<them}")
     * are accented too.
     */
    static String transform(String pattern) {
        StringBuilder out = new StringBuilder(OPEN);
        int depth = 0;
        int placeholder = 0;
        boolean choiceWords = false;
        boolean code = false;
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '%' && k + 1 < pattern.length()) {
                // picocli's %n (a new line) stays whole in the command line's help.
                out.append(c).append(pattern.charAt(++k));
                continue;
            }
            if (c == '{') {
                if (depth == 0) {
                    placeholder = k;
                    choiceWords = false;
                }
                depth++;
                out.append(c);
                continue;
            }
            if (c == '}') {
                depth--;
                choiceWords = choiceWords && depth > 0;
                out.append(c);
                continue;
            }
            if (depth == 1 && (c == '#' || c == '<') && pattern.startsWith("choice", pattern.indexOf(',', placeholder) + 1)) {
                choiceWords = true;
            } else if (depth == 1 && c == '|') {
                choiceWords = false;
            }
            if (c == '`' && depth == 0) {
                code = !code; // a command in backticks is the same in every language
            }
            int plain = PLAIN.indexOf(c);
            boolean words = !code && (depth == 0 || (depth == 1 && choiceWords));
            out.append(words && plain >= 0 ? ACCENTED.charAt(plain) : c);
        }
        return out.append(CLOSE).toString();
    }
}
