package org.fedoraproject.preflight.desk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The status site's colours, light and dark, meet WCAG AA: every text colour on every background
 * it is drawn on has a contrast ratio of at least 4.5:1 (WCAG 2's relative luminance).
 */
class SiteContrastTest {

    private static final Pattern VARIABLE = Pattern.compile("--([a-z]+):\\s*(#[0-9a-fA-F]{6})");
    private static final List<String> TEXT = List.of("fg", "muted", "link", "hold", "caution", "ok");
    private static final List<String> BACKGROUNDS = List.of("bg", "card", "code");

    @Test
    void everyTextColourOnEveryBackgroundIsAtLeastFourAndAHalfToOne() throws Exception {
        String layout = Files.readString(Path.of("src/main/jte/layout.jte"));
        int dark = layout.indexOf("prefers-color-scheme: dark");
        assertTrue(dark > 0, "the site has a dark scheme");
        List<String> weak = new ArrayList<>();
        for (Map<String, String> scheme : List.of(colours(layout.substring(0, dark)), colours(layout.substring(dark)))) {
            assertEquals(10, scheme.size(), "nine colours and the lines' " + scheme);
            for (String text : TEXT) {
                for (String background : BACKGROUNDS) {
                    double ratio = contrast(scheme.get(text), scheme.get(background));
                    if (ratio < 4.5) {
                        weak.add(text + " on " + background + ": " + ratio);
                    }
                }
            }
        }
        assertEquals(List.of(), weak);
        assertTrue(contrast("#777777", "#ffffff") < 4.5, "the check can fail: grey on white is 4.48");
    }

    private static Map<String, String> colours(String css) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(css);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * k, 3 + 2 * k), 16) / 255.0;
            c[k] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
