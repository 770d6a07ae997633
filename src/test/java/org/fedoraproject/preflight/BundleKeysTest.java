package org.fedoraproject.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fedoraproject.preflight.app.Outlook;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.UpgradeAssessment;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Link;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Age;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every key the code asks the resource bundle for exists: a missing one is a
 * MissingResourceException in front of the user. Keys written out are found in the sources;
 * keys built at run time ("severity." + id) are checked for every value they can be built from.
 */
class BundleKeysTest {

    /** The first argument of Text.of, Text.plural, get or format when it is a string literal shaped like a key. */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:Text\\.of|Text\\.plural|\\bget|\\bformat|\\btext)\\(\\s*\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"\\s*[,)]");
    /** A key built at run time: a literal prefix ending in a dot, then a concatenation. */
    private static final Pattern BUILT_KEY = Pattern.compile("\\(\\s*\"([a-z][A-Za-z0-9.]*\\.)\"\\s*\\+");

    private static final Set<String> KEYS = new TreeSet<>();
    private static final List<Path> SOURCES = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        for (String bundle : List.of("messages.properties", "help.properties")) {
            Properties p = new Properties();
            try (InputStream in = BundleKeysTest.class.getResourceAsStream("/org/fedoraproject/preflight/text/" + bundle)) {
                p.load(in);
            }
            KEYS.addAll(p.stringPropertyNames());
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(SOURCES::add);
        }
    }

    /**
     * Every sentence goes through MessageFormat, for which a single quote starts a quoted
     * passage: "Fedora's" must be written "Fedora''s" or the apostrophe vanishes ("Fedoras").
     */
    @Test
    void everyApostropheInTheMessagesIsDoubled() throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleKeysTest.class.getResourceAsStream("/org/fedoraproject/preflight/text/messages.properties")) {
            p.load(in);
        }
        List<String> single = p.stringPropertyNames().stream().filter(k -> p.getProperty(k).replace("''", "").contains("'"))
                .sorted().toList();
        assertEquals(List.of(), single);
        assertTrue(p.size() > 500, "the bundle was read: " + p.size());
    }

    @Test
    void everyKeyWrittenInTheCodeIsInTheBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (Path source : SOURCES) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(source));
            while (m.find()) {
                found++;
                if (!KEYS.contains(m.group(1))) {
                    missing.add(source.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(found > 400, "the pattern finds the keys (" + found + ")");
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKeyBuiltAtRunTimeHasAPrefixThisTestKnows() throws IOException {
        Set<String> built = new TreeSet<>();
        for (Path source : SOURCES) {
            Matcher m = BUILT_KEY.matcher(Files.readString(source));
            while (m.find()) {
                built.add(m.group(1));
            }
        }
        // A new way of building a key: add its values below, so that a value without a text cannot slip in.
        assertEquals(new TreeSet<>(List.of("action.", "age.", "cli.upgrade.", "cli.word.", "health.scope.", "link.",
                "notice.", "outlook.", "relation.", "severity.", "source.state.", "status.", "todo.", "todo.brief.", "tray.tip.",
                "updates.show.", "upgrade.", "verdict.")), built);
    }

    @Test
    void everyKeyBuiltAtRunTimeExistsForEveryValue() {
        List<String> wanted = new ArrayList<>();
        for (Severity s : Severity.values()) {
            wanted.add("severity." + s.id());
            wanted.add("cli.word." + s.id());
        }
        for (IncidentStatus s : IncidentStatus.values()) {
            wanted.add("status." + s.id());
            wanted.add("cli.word." + s.id());
        }
        for (Relation r : Relation.values()) {
            wanted.add("relation." + r.id());
        }
        for (PackageAction a : PackageAction.values()) {
            wanted.add("action." + a.id());
        }
        for (UpdateVerdict v : UpdateVerdict.values()) {
            wanted.add("verdict." + (v.checked() ? v.id() : "unknown"));
        }
        for (Outlook o : Outlook.values()) {
            wanted.add("outlook." + o.name().toLowerCase(Locale.ROOT));
            wanted.add("tray.tip." + o.name().toLowerCase(Locale.ROOT));
        }
        for (SourceState.State s : SourceState.State.values()) {
            wanted.add("source.state." + s.id());
        }
        for (UpgradeAssessment.Verdict v : UpgradeAssessment.Verdict.values()) {
            wanted.add("upgrade." + v.id());
            wanted.add("cli.upgrade." + v.id());
        }
        for (Age.Unit u : Age.Unit.values()) {
            wanted.add("age." + u.name().toLowerCase(Locale.ROOT));
        }
        for (Evidence.Scope scope : Evidence.Scope.values()) {
            wanted.add("health.scope." + scope.id());
        }
        for (String show : List.of("all", "hold", "caution", "ok", "unknown")) {
            wanted.add("updates.show." + show);
        }
        for (String kind : List.of("prepared", "staged")) {
            wanted.add("notice." + kind + ".summary");
            wanted.add("notice." + kind + ".body");
            wanted.add("todo." + kind);
            wanted.add("todo.brief." + kind);
        }
        for (String rel : Link.RELS) {
            wanted.add("link." + rel);
        }
        assertEquals(List.of(), wanted.stream().filter(k -> !KEYS.contains(k)).toList());
    }
}
