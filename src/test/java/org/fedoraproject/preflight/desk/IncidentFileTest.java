package org.fedoraproject.preflight.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class IncidentFileTest {

    private static final Instant T = Instant.parse("2026-11-18T09:30:00Z");

    static DeskIncident incident(String title, String summary) {
        return new DeskIncident("FPS-2026-0042", title, "identified", "major", List.of("43"), List.of(), List.of("x86_64"), T,
                T.plusSeconds(3600), Optional.empty(),
                List.of(new DeskIncident.Entry("mesa-libGL", "mesa", "25.1.4-1.fc43", "", "25.1.2-1.fc43")),
                List.of("FEDORA-2026-1a2b3c4d5e"), List.of(), "2026-11-27", "",
                List.of(new DeskIncident.LinkRef("tracker", "https://bugzilla.redhat.com/show_bug.cgi?id=2400042")),
                List.of(new DeskIncident.Event(T, "investigating", "Reports.")), summary, "None known.", "");
    }

    @Test
    void whatIsWrittenIsReadBackTheSameAndWrittenAgainByteForByte() {
        DeskIncident hostile = incident("Quotes \" backslash \\ tab\t newline\n bell\u0007 <b>", "Line one.\n\n- a list\n- `code`");
        String text = IncidentFile.write(hostile);
        IncidentFile.Read read = IncidentFile.read(text);
        assertEquals(List.of(), read.problems());
        assertEquals(hostile, read.incident().orElseThrow());
        assertEquals(text, IncidentFile.write(read.incident().orElseThrow()));
        assertEquals(3, read.lineOf("title"), "line 1 is +++, the id line 2, the title line 3");
    }

    @Test
    void aTimelineEntryAddedIsLinesAddedAtTheEndOfTheFrontMatter() {
        DeskIncident before = incident("T", "S");
        DeskIncident after = new DeskIncident(before.id(), before.title(), before.status(), before.severity(), before.releases(),
                before.variants(), before.arches(), before.published(), before.modified(), before.resolved(), before.affected(),
                before.badUpdates(), before.fixUpdates(), before.fixExpected(), before.fixNote(), before.links(),
                List.of(before.timeline().get(0), new DeskIncident.Event(T.plusSeconds(60), "", "More.")), before.summary(),
                before.workaround(), before.postmortem());
        String a = IncidentFile.write(before);
        String b = IncidentFile.write(after);
        int fence = a.indexOf("\n+++\n");
        assertEquals(a.substring(0, fence), b.substring(0, fence), "nothing before the new entry changes");
        assertTrue(b.substring(fence).startsWith("\n\n[[timeline]]\nat = 2026-11-18T09:31:00Z\n"), b.substring(fence));
    }

    @Test
    void problemsAreNamedByLine() {
        String text = IncidentFile.write(incident("T", "S")).replace("releases = [\"43\"]", "releases = \"43\"")
                .replace("## Workaround", "## Workarounds");
        IncidentFile.Read read = IncidentFile.read(text);
        List<String> lines = text.lines().toList();
        assertTrue(read.problems().contains(new IncidentFile.Problem(lines.indexOf("releases = \"43\"") + 1,
                "releases must be a list of texts in quotes")), read.problems().toString());
        assertTrue(read.problems().stream().anyMatch(p -> p.line() == lines.indexOf("## Workarounds") + 1), read.problems().toString());
        assertFalse(IncidentFile.read("no front matter").problems().isEmpty());
    }

    @Test
    void aTopicIsFoundByItsUrlOrItsNumber() {
        for (String[] c : new String[][] {{"https://discussion.fedoraproject.org/t/black-screen/160042", "160042"},
            {"https://discussion.fedoraproject.org/t/160042/3", "160042"}, {"https://discussion.fedoraproject.org/t/f43-issue/160042/7",
                "160042"}, {"160042", "160042"}}) {
            Matcher m = Drafts.TOPIC.matcher(c[0]);
            assertTrue(m.find(), c[0]);
            assertEquals(c[1], m.group(1) != null ? m.group(1) : m.group(2), c[0]);
        }
        assertFalse(Drafts.TOPIC.matcher("https://example.org/x").find());
    }
}
