package org.fedoraproject.preflight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.signal.SourceState;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void textsNestListsDatesAndNumbersAreSaidTheLocalesWay() {
        Messages english = Messages.load(Locale.US, UTC);
        Text hold = Text.of("guide.step.hold", List.of("kernel-core", "grub2-efi-x64"));
        assertEquals("Hold kernel-core, grub2-efi-x64", english.render(hold));
        assertEquals("Still different: kernel-core is not held by versionlock",
                english.get("guide.stillDifferent", Text.of("guide.differs.notHeld", "kernel-core")));
        Messages german = Messages.load(Locale.GERMANY, UTC);
        assertEquals("25.11.2026", german.date(LocalDate.of(2026, 11, 25)));
        assertEquals("Nov 25, 2026", english.date(LocalDate.of(2026, 11, 25)));
        assertEquals("25.11.2026, 08:00", german.dateTime(Instant.parse("2026-11-25T08:00:00Z")));
        // Numbers inside a sentence are the locale's (MessageFormat with the locale).
        assertEquals("12.345 of 20.000", german.get("updates.count", 12345, 20000));
        assertEquals("12,345 of 20,000", english.get("updates.count", 12345, 20000));
        assertTrue(english.get("next.hold", 2, 10).startsWith("2 of the 10 pending updates"), english.get("next.hold", 2, 10));
    }

    @Test
    void englishForScriptsWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(PseudoLocale.LOCALE);
            assertEquals("Hold kernel-core", Messages.english().render(Text.of("guide.step.hold", List.of("kernel-core"))));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theSentenceOfANotificationBeginsWithACapital() {
        Messages english = Messages.load(Locale.US, UTC);
        assertEquals("The prepared update installs a held version, 2 updates to hold",
                english.sentence(Text.of("notice.summary", List.of(Text.of("notice.part.prepared"), Text.of("notice.part.holds", 2)))));
    }

    @Test
    void thePseudoLocaleMarksEverySentenceAndKeepsPlaceholdersWhole() {
        assertEquals("⟦Ĥóļð {0}⟧", PseudoLocale.transform("Hold {0}"));
        assertEquals("⟦{0,choice,1#íţ|1<ţĥém}⟧", PseudoLocale.transform("{0,choice,1#it|1<them}"));
        assertEquals("⟦{1,number,#} ðáýš⟧", PseudoLocale.transform("{1,number,#} days"));
        assertEquals("⟦Ðó ñóţ ŕúñ `dnf upgrade`.⟧", PseudoLocale.transform("Do not run `dnf upgrade`."));
        Messages pseudo = Messages.load(PseudoLocale.LOCALE, UTC);
        assertEquals("⟦Ĥóļð kernel-core⟧", pseudo.get("guide.step.hold", "kernel-core"));
        assertEquals("⟦Ĥóļð ţĥém, úpðáţé ţĥé ŕéšţ.⟧", pseudo.get("next.hold", 2, 9).replaceAll(".*\\. ", "⟦"));
        // Dates and numbers are the locale's too, so they are marked.
        assertTrue(pseudo.date(LocalDate.of(2026, 11, 25)).startsWith(PseudoLocale.OPEN));
        // English still coming from below is never dressed up as translated.
        assertEquals("rpm: exit 1", pseudo.render(Text.untranslated("rpm: exit 1")));
    }

    @Test
    void aProblemIsItsSourceAndWhatHappenedInTheUsersWords() {
        Problem kept = new Problem("Bodhi", Text.of("sources.problem.keptInstead", Text.of("feed.fetch.http", "500")));
        assertEquals("Bodhi: HTTP 500; using the answer kept from before", kept.english());
        Messages pseudo = Messages.load(PseudoLocale.LOCALE, UTC);
        String said = pseudo.render(kept.said());
        assertTrue(said.contains("Bodhi") && said.contains(PseudoLocale.OPEN + "ĤŢŢP 500") , "Fedora's sources' problems are translated: " + said);
        assertEquals(pseudo.render(kept.said()), pseudo.get("notChecked.prepared", kept).replaceAll("^.*?\\(|\\)[^)]*$", ""),
                "a Problem given as an argument is said, not printed as a record");
        // A reader's reason is Preflight's sentence too, and translated; a tool's own words stay as they are.
        Reading.Unavailable<?> missing = (Reading.Unavailable<?>) Reading.unavailable("/etc/os-release",
                Text.of("reading.missingAndSo", "/usr/lib/os-release"));
        assertEquals("/etc/os-release: missing, and so is /usr/lib/os-release", missing.message());
        assertTrue(pseudo.render(missing.problem().said()).contains(PseudoLocale.OPEN + "míššíñĝ"), pseudo.render(missing.problem().said()));
        assertEquals("rpm: error: db5 error", pseudo.render(((Reading.Unavailable<?>) Reading.unavailable("rpm", "error: db5 error"))
                .problem().said()).replace(PseudoLocale.OPEN, "").replace(PseudoLocale.CLOSE, ""));
    }

    @Test
    void everySentenceOfTheBundleIsAValidMessageFormatAndThePseudoLocaleKeepsItSo() {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        for (String key : Collections.list(bundle.getKeys())) {
            String english = bundle.getString(key);
            new MessageFormat(english, Locale.US);
            String pseudo = PseudoLocale.transform(english);
            assertEquals(new MessageFormat(english).getFormats().length, new MessageFormat(pseudo).getFormats().length, key);
            assertFalse(pseudo.equals(english), key);
        }
    }

    @Test
    void everyStateAndRelationHasItsWords() {
        ResourceBundle bundle = ResourceBundle.getBundle("org.fedoraproject.preflight.text.messages", Locale.ROOT);
        for (Relation r : Relation.values()) {
            assertTrue(bundle.containsKey("relation." + r.id()), "relation." + r.id());
        }
        for (SourceState.State s : SourceState.State.values()) {
            assertTrue(bundle.containsKey("source.state." + s.id()), "source.state." + s.id());
        }
    }

    /** Every key the code names as a literal (m.get, text.get, words.get, Text.of) is in the bundle: a missing one is a crash. */
    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws Exception {
        ResourceBundle bundle = ResourceBundle.getBundle("org.fedoraproject.preflight.text.messages", Locale.ROOT);
        Pattern call = Pattern.compile(
                "(?:\\b(?:m|text|words|messages)\\.get|Text\\.of)\\(\\s*\"([a-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)+)\"");
        List<String> missing = new ArrayList<>();
        int named = 0;
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    named++;
                    if (!bundle.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(named > 300, "the scan finds the code's keys: " + named);
        assertEquals(List.of(), missing);
    }
}
