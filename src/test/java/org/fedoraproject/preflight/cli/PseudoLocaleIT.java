package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.PseudoText;
import org.junit.jupiter.api.Test;

/**
 * {@code preflight check --demo} in the pseudo-locale en-XA, through the jar as a user runs it:
 * every line a person reads is the bundle's (bracketed, accented) or the demo's own data.
 */
class PseudoLocaleIT {

    private static Processes.Result run(String locale, String... args) {
        String[] parts = locale.split("-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=" + parts[0], "-Duser.country=" + parts[1], "-Dfile.encoding=UTF-8",
                "-jar", Processes.jar().toString()));
        command.addAll(List.of(args));
        return Processes.run(command, null, Map.of("TZ", "UTC"));
    }

    @Test
    void everyWordOfTheDemoCheckComesFromTheBundle() {
        Processes.Result r = run("en-XA", "check", "--demo");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(PseudoText.translated(r.stdout()), r.stdout());
        Set<String> data = PseudoText.demoData();
        assertEquals(List.of(), PseudoText.untranslated(r.stdout(), data), r.stdout());
        assertEquals(List.of(), PseudoText.untranslated(r.stderr(), data), r.stderr());
    }

    @Test
    void theGuideOfTheDemoIsTranslatedToo() {
        Processes.Result r = run("en-XA", "guide", "--demo", "FPS-2026-0042");
        assertTrue(PseudoText.translated(r.stdout()), r.stdout() + r.stderr());
        Set<String> data = PseudoText.demoData();
        // The prepared commands ("     $ sudo dnf5 …") are code, the same in every language.
        String withoutCommands = r.stdout().lines().filter(l -> !l.strip().startsWith("$ "))
                .collect(Collectors.joining("\n"));
        assertTrue(r.stdout().contains("$ sudo dnf5 upgrade mesa-dri-drivers mesa-libGL"), r.stdout());
        assertEquals(List.of(), PseudoText.untranslated(withoutCommands, data), r.stdout());
    }

    @Test
    void theHelpOfEveryCommandIsTranslated() {
        // What stays: the command's own syntax (names, options, parameter labels); every description is the bundle's.
        Set<String> commands = Set.of("preflight", "check", "guide", "history", "vercmp", "feed", "dnf-hook", "keygen", "lint",
                "sign", "verify", "desk", "init", "new", "update", "publish", "review", "triage", "health");
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"check", "--help"}, new String[] {"guide", "--help"},
                new String[] {"history", "--help"}, new String[] {"vercmp", "--help"}, new String[] {"feed", "--help"},
                new String[] {"feed", "lint", "--help"}, new String[] {"feed", "sign", "--help"}, new String[] {"desk", "--help"},
                new String[] {"desk", "new", "--help"}, new String[] {"desk", "publish", "--help"}, new String[] {"health", "--help"})) {
            Processes.Result r = run("en-XA", args);
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(PseudoText.translated(r.stdout()), r.stdout());
            String withoutSyntax = r.stdout().replaceAll("\\[?--?[A-Za-z][A-Za-z-]*(\\[?=[A-Z-]+\\]?)?\\]?(\\.\\.\\.)?", " ")
                    .replaceAll("\\[?\\b[A-Z][A-Z-]+\\b\\]?(\\.\\.\\.)?", " ");
            assertEquals(List.of(), PseudoText.untranslated(withoutSyntax, commands), String.join(" ", args) + "\n" + r.stdout());
        }
    }

    @Test
    void datesFollowTheLocale() {
        Processes.Result german = run("de-DE", "check", "--demo");
        Processes.Result english = run("en-US", "check", "--demo");
        // The demo's metadata is from 2026-11-25 08:00 UTC: each locale writes that day its own way.
        assertTrue(german.stdout().contains("25.11.2026"), german.stdout());
        assertTrue(english.stdout().contains("Nov 25, 2026"), english.stdout());
    }
}
