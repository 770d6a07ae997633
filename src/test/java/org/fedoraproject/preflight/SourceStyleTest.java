package org.fedoraproject.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house style of the sources, as a gate in {@code mvn verify}: imports sorted and all used,
 * no fully qualified class names inline (an import says what a file depends on, at the top), and
 * lines of at most {@value #MAX_LINE} characters outside text blocks.
 */
class SourceStyleTest {

    static final int MAX_LINE = 150;
    private static final Pattern INLINE_NAME = Pattern.compile(
            "(?<![\\w.@])(?:java|javax|javafx|org|com|picocli|atlantafx)\\.(?:[a-z_][a-z0-9_]*\\.)*[A-Z]\\w*");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)\\.(\\w+|\\*);$");

    private static final List<Path> SOURCES = new ArrayList<>();

    @BeforeAll
    static void sources() throws IOException {
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(SOURCES::add);
            }
        }
        assertTrue(SOURCES.size() > 300, "the sources are found: " + SOURCES.size());
    }

    @Test
    void importsAreSortedAndUsed() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path source : SOURCES) {
            String text = Files.readString(source);
            List<String> imports = text.lines().filter(l -> l.startsWith("import ")).toList();
            List<String> sorted = imports.stream().sorted((a, b) -> {
                boolean sa = a.startsWith("import static ");
                boolean sb = b.startsWith("import static ");
                return sa != sb ? (sa ? -1 : 1) : a.compareTo(b);
            }).distinct().toList();
            if (!imports.equals(sorted)) {
                wrong.add(source + ": imports not in order (static first, then by name)");
            }
            String body = text.lines().filter(l -> !l.startsWith("import ")).reduce("", (a, b) -> a + "\n" + b);
            for (String line : imports) {
                Matcher m = IMPORT.matcher(line);
                if (!m.matches()) {
                    wrong.add(source + ": " + line);
                } else if (!m.group(3).equals("*") && !Pattern.compile("\\b" + m.group(3) + "\\b").matcher(body).find()) {
                    wrong.add(source + ": unused " + line);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noClassIsNamedInlineByItsFullName() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path source : SOURCES) {
            List<String> lines = codeOnly(Files.readString(source)).lines().toList();
            for (int k = 0; k < lines.size(); k++) {
                String line = lines.get(k);
                if (line.startsWith("import ") || line.startsWith("package ")) {
                    continue;
                }
                Matcher m = INLINE_NAME.matcher(line);
                if (m.find()) {
                    wrong.add(source + ":" + (k + 1) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void linesFitOutsideTextBlocks() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path source : SOURCES) {
            List<String> lines = Files.readString(source).lines().toList();
            boolean inTextBlock = false;
            for (int k = 0; k < lines.size(); k++) {
                String line = lines.get(k);
                if (!inTextBlock && line.length() > MAX_LINE) {
                    wrong.add(source + ":" + (k + 1) + ": " + line.length() + " characters");
                }
                // An odd number of """ on a line opens or closes a text block.
                int quotes = line.split("\"\"\"", -1).length - 1;
                if (quotes % 2 == 1) {
                    inTextBlock = !inTextBlock;
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCheckerSeesInlineNamesInCodeButNotInStringsOrComments() {
        assertTrue(INLINE_NAME.matcher(codeOnly("var x = java.util.List.of();")).find());
        assertTrue(!INLINE_NAME.matcher(codeOnly("String s = \"java.util.List\"; // java.util.Map")).find());
        assertTrue(!INLINE_NAME.matcher(codeOnly("/** {@link java.util.List} */ int x;")).find());
        assertTrue(!INLINE_NAME.matcher(codeOnly("String t = \"\"\"\n java.util.List\n \"\"\";")).find());
    }

    /** The source with string and character literals, text blocks and comments blanked, lines kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int k = 0;
        while (k < source.length()) {
            char c = source.charAt(k);
            int end;
            if (source.startsWith("\"\"\"", k)) {
                end = source.indexOf("\"\"\"", k + 3) + 3;
            } else if (c == '"' || c == '\'') {
                end = k + 1;
                while (source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else if (source.startsWith("//", k)) {
                end = source.indexOf('\n', k);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", k)) {
                end = source.indexOf("*/", k + 2) + 2;
            } else {
                out.append(c);
                k++;
                continue;
            }
            source.substring(k, end).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
            k = end;
        }
        return out.toString();
    }
}
