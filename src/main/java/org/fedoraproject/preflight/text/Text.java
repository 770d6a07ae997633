package org.fedoraproject.preflight.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something to tell a person, as a value: the key of its sentence in the resource bundle and the
 * arguments that fill it in. The layers below the front ends return these instead of English, so
 * that the window, the terminal and the notifications say it in the user's language.
 *
 * <p>An argument is a {@code String} (data shown as it is: a package name, a version, a tool's
 * own message), a number (written the locale's way), an {@code Instant} or {@code LocalDate}
 * (a date the locale's way), a {@code Text} (said in the user's language in its turn), or a
 * list of such, joined.
 */
public record Text(String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The key of a sentence that still comes in English from below (a tool's or a parser's own words), shown as it is. */
    public static final String UNTRANSLATED = "untranslated";

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /**
     * English that does not come from the bundle yet: an adapter's or the settings' own message.
     * The pseudo-locale leaves it unmarked, so that its tests see it for what it is.
     */
    public static Text untranslated(String english) {
        return of(UNTRANSLATED, english);
    }

    public static List<Text> untranslated(List<String> english) {
        return english.stream().map(Text::untranslated).toList();
    }
}
