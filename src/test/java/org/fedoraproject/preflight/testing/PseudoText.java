package org.fedoraproject.preflight.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.text.PseudoLocale;

/**
 * Reads what Preflight showed under the pseudo-locale en-XA: whatever is neither inside the
 * pseudo-locale's brackets nor data (the demo's packages, versions and feed text, which no
 * translation changes) is text that did not come from the bundle.
 */
public final class PseudoText {

    private PseudoText() {
    }

    /** The strings of the bundled demo system and sample feed, and the names, versions and arches of its packages. */
    public static Set<String> demoData() {
        Set<String> data = new LinkedHashSet<>();
        strings(json("/org/fedoraproject/preflight/app/demo-system.json"), data);
        strings(json("/org/fedoraproject/preflight/adapter/feed/sample-feed.json"), data);
        for (String s : List.copyOf(data)) {
            data.add(s.replace("`", "")); // the light Markdown of summaries, as rendered
            try {
                Nevra n = Nevra.parse(s);
                data.add(n.name());
                data.add(n.evr().toString());
                data.add(n.name() + " " + n.evr());
                data.add(n.arch());
            } catch (RuntimeException notANevra) {
                // not every string is a package
            }
        }
        return data;
    }

    /** Whether the text shows any pseudo-translated part at all (a test that found none has tested nothing). */
    public static boolean translated(String shown) {
        return shown.contains(PseudoLocale.OPEN);
    }

    /**
     * The parts of {@code shown} with letters in them that are neither pseudo-translated nor
     * data: empty when every word a person reads came from the bundle.
     */
    public static List<String> untranslated(String shown, Set<String> data) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < shown.length(); k++) {
            String c = shown.substring(k, k + 1);
            if (c.equals(PseudoLocale.OPEN)) {
                depth++;
                outside.append(' ');
            } else if (c.equals(PseudoLocale.CLOSE)) {
                depth = Math.max(0, depth - 1);
                outside.append(' ');
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        String rest = outside.toString();
        List<String> longestFirst = data.stream().filter(d -> d.codePoints().anyMatch(Character::isLetter))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String d : longestFirst) {
            rest = rest.replace(d, " ");
        }
        List<String> flat = data.stream().map(d -> d.replaceAll("\\s+", " ")).toList();
        List<String> left = new ArrayList<>();
        for (String part : rest.split("\\s{2,}|\\n")) {
            String words = part.strip();
            // A part of the data (a paragraph of an incident's summary, rendered piece by piece) is data too.
            if (words.codePoints().anyMatch(Character::isLetter) && flat.stream().noneMatch(d -> d.contains(words.replaceAll("\\s+", " ")))) {
                left.add(words);
            }
        }
        return left;
    }

    private static JsonElement json(String resource) {
        try (InputStream in = PseudoText.class.getResourceAsStream(resource)) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(JsonElement e, Set<String> into) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            into.add(e.getAsString());
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> strings(x, into));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> strings(x.getValue(), into));
        }
    }
}
