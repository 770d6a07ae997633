package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.fedora.BugzillaParser;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.signal.Bug;
import org.junit.jupiter.api.Test;

/**
 * dnf's updateinfo output as recorded from dnf5 5.4.6 and dnf 4.14 on the test roots (the
 * end-to-end tests run them for real), the 5.2 form as its API change note describes it, and
 * Bugzilla's REST answer in Red Hat's shape (python-bugzilla's fixture).
 */
class AdvisoryParserTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = AdvisoryParserTest.class.getResourceAsStream("advisory/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dnf5InfoGivesPackagesBugsAndTheIssueTime() throws IOException {
        List<Advisory> advisories = AdvisoryParser.dnf5Info(resource("dnf5-5.4-info.json"));
        assertEquals(2, advisories.size());
        Advisory mesa = advisories.get(0);
        assertEquals("FEDORA-2026-5d1e2f3a4b", mesa.id());
        assertEquals("bugfix", mesa.type());
        assertEquals(List.of(2400001L), mesa.bugs());
        assertEquals(List.of(Nevra.parse("mesa-dri-drivers-25.1.6-1.fc43.x86_64"), Nevra.parse("mesa-libGL-25.1.6-1.fc43.x86_64")),
                mesa.packages());
        assertEquals(Optional.of(Instant.ofEpochSecond(1795255872L)), mesa.issued());
        assertEquals(List.of(2400002L, 2400003L), advisories.get(1).bugs());
        assertEquals(true, Advisory.isBodhiAlias(mesa.id()));
        assertEquals(true, mesa.ships(Nevra.parse("mesa-libGL-25.1.6-1.fc43.x86_64")));
        assertEquals(false, mesa.ships(Nevra.parse("mesa-libGL-25.1.6-1.fc43.i686")), "another arch is another package");
    }

    @Test
    void dnf5Before53KeyedByNameWithTextTimesAndCollectionsAsAList() throws IOException {
        Advisory kernel = AdvisoryParser.dnf5Info(resource("dnf5-5.2-info.json")).get(0);
        assertEquals(List.of(2400050L), kernel.bugs(), "the CVE is no Bugzilla bug");
        assertEquals(2, kernel.packages().size());
        assertEquals(Optional.of(Instant.parse("2025-11-20T10:11:12Z")), kernel.issued());
        assertEquals(List.of(), AdvisoryParser.dnf5Info(""), "no updateinfo: nothing");
        assertEquals(List.of(), AdvisoryParser.dnf5Info("[]"));
    }

    @Test
    void dnf4ListAndInfoAreJoinedByAdvisory() throws IOException {
        List<Advisory> advisories = AdvisoryParser.dnf4Lists(resource("dnf4-list.txt"), resource("dnf4-info.txt"));
        assertEquals(2, advisories.size());
        Advisory firefox = advisories.get(0);
        assertEquals("FEDORA-2026-aa11bb22cc", firefox.id());
        assertEquals("security", firefox.type());
        assertEquals("Important", firefox.severity());
        assertEquals(List.of(2400002L, 2400003L), firefox.bugs());
        Advisory mesa = advisories.get(1);
        assertEquals(List.of(2400001L), mesa.bugs(), "one bug, listed once per package");
        assertEquals("Moderate", mesa.severity(), "a bugfix advisory's severity, which only the info block prints");
        assertEquals(2, mesa.packages().size());
        assertEquals(Optional.of(Instant.parse("2026-11-21T10:11:12Z")), mesa.issued(), "updated after it was issued");
        assertEquals(Optional.of(Instant.parse("2026-11-22T08:00:00Z")), firefox.issued());
        assertEquals(1, AdvisoryParser.dnf4Lists("i FEDORA-2026-1234567890 bugfix nano-8.5-1.fc43.x86_64\nnot a row\n", "").size(),
                "the installed mark of --all is read past");
    }

    @Test
    void bugzillaInRedHatsShape() {
        String fixture = """
                {"faults": [], "bugs": [{
                  "id": 1165434, "summary": "LVM mirrored root can deadlock dmeventd if a mirror leg is lost",
                  "product": "Red Hat Enterprise Linux 5", "version": ["5.8"], "component": "lvm2",
                  "status": "CLOSED", "resolution": "WONTFIX", "is_open": false, "severity": "medium",
                  "keywords": ["key1", "keyword2", "Security"], "cf_fixed_in": "",
                  "last_change_time": "2018-12-09T19:12:12", "creation_time": "2014-11-19T00:26:50"},
                  {"id": 2400001, "summary": "GPU hang\\u001b[31m", "component": ["mesa"], "version": "43", "status": "CLOSED",
                   "resolution": "ERRATA", "keywords": ["CommonBugs"], "cf_fixed_in": "mesa-25.1.6-1.fc43 mesa-25.1.6-1.fc42",
                   "creation_time": "2026-11-15T08:00:00Z"}, {"summary": "no id"}]}
                """;
        List<Bug> bugs = BugzillaParser.parse(fixture);
        assertEquals(2, bugs.size());
        assertEquals("lvm2", bugs.get(0).component(), "a string");
        assertEquals(List.of("5.8"), bugs.get(0).versions());
        assertEquals(Instant.parse("2014-11-19T00:26:50Z"), bugs.get(0).created(), "no Z: UTC");
        Bug mesa = bugs.get(1);
        assertEquals("mesa", mesa.component(), "an array");
        assertEquals(List.of("43"), mesa.versions());
        assertEquals(false, mesa.open(), "closed, though is_open is missing");
        assertEquals(true, mesa.closedFixed());
        assertEquals(List.of("mesa-25.1.6-1.fc43", "mesa-25.1.6-1.fc42"), mesa.fixedIn());
        assertEquals(false, mesa.summary().contains("\u001b"), "terminal controls are taken out");
        assertThrows(IllegalArgumentException.class, () -> BugzillaParser.parse("{\"faults\":[]}"));
    }

    @Test
    void dnf4sLinesAreCleanedOfTerminalControlsAsTheyAreRead() {
        String evil = "FEDORA-2026-\u001b]52;c;cm0=\u0007aa\u202e11bb22cc";
        List<Advisory> advisories = AdvisoryParser.dnf4Lists(evil + " bugfix firefox-146.0-1.fc43.x86_64\n",
                "  Update ID: " + evil + "\n   Severity: Mod\u009berate\n");
        assertEquals(1, advisories.size());
        assertTrue(advisories.get(0).id().chars().noneMatch(c -> c < 0x20 || (c >= 0x80 && c <= 0x9f) || c == 0x202e),
                advisories.get(0).id());
        assertTrue(!Advisory.isBodhiAlias(advisories.get(0).id()), "no Bodhi link is built from it");
        assertEquals("Moderate", advisories.get(0).severity());
    }
}
