package org.fedoraproject.preflight.signal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which package names a text written by people (a Common Issues topic) mentions. A name counts
 * when the mention is unambiguous: with a version after it ({@code gnome-shell 49.2},
 * {@code firefox-146.0-1.fc43}), in code formatting, among the topic's tags, or as a plain word
 * when the name could not be an English word (it has a hyphen or a digit, or is not in the list
 * of everyday words that are also package names). So "file a bug" and "less than one percent"
 * name neither {@code file} nor {@code less}.
 */
public final class PackageMentions {

    /**
     * Fedora package names that are also everyday English words: such a name counts only in an
     * unambiguous form. "file a bug", "check which kernel", "less than one percent" name no
     * package. Add words here, not exceptions elsewhere.
     */
    private static final Set<String> ENGLISH = Set.of(("""
            abrt anaconda ark at audit audacity bind blender bolt cheese clutter cockpit
            colord crash dialog discover dolphin empathy epiphany expect file fuse grep info
            less links make man mock mutter orca pass patch perl plasma polari
            ruby rust sane screen seahorse spectacle steam sushi time toolbox totem tracker
            transmission tree tuned units watch which wine words
            """).strip().split("\\s+"));
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]{1,200})`");
    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9._+-]*");
    /** A word followed by a version: "less 679", "gnome-shell 49.2", "firefox-146.0-1.fc43", "mesa v25". */
    private static final Pattern VERSIONED = Pattern.compile("([a-z0-9][a-z0-9._+-]*?)(?:-|\\s+v?|\\s+version\\s+)[0-9]");

    private final Set<String> plain = new LinkedHashSet<>();
    private final Set<String> unambiguous = new LinkedHashSet<>();

    private PackageMentions() {
    }

    /** The mentions in a topic's title and first post, with its tags. */
    public static PackageMentions in(String text, List<String> tags) {
        PackageMentions m = new PackageMentions();
        String lower = URL.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        Matcher code = CODE.matcher(lower);
        while (code.find()) {
            words(code.group(1), m.unambiguous);
        }
        Matcher versioned = VERSIONED.matcher(lower);
        while (versioned.find()) {
            String w = trim(versioned.group(1));
            if (!w.isEmpty()) {
                m.unambiguous.add(w);
            }
        }
        tags.forEach(t -> m.unambiguous.add(t.toLowerCase(Locale.ROOT)));
        words(lower, m.plain);
        return m;
    }

    /** Whether this package name (or its source package's) is mentioned unambiguously. */
    public boolean names(String packageName) {
        String name = packageName.toLowerCase(Locale.ROOT);
        if (name.length() < 3) {
            return false;
        }
        if (unambiguous.contains(name)) {
            return true;
        }
        return plain.contains(name) && !ENGLISH.contains(name);
    }

    private static void words(String text, Set<String> into) {
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String word = trim(w.group());
            if (word.length() >= 3) {
                into.add(word);
            }
        }
    }

    /** A word without the sentence's punctuation around it ("gnome-shell." → "gnome-shell"). */
    private static String trim(String word) {
        return word.replaceAll("^[.\\-]+|[.\\-]+$", "");
    }
}
