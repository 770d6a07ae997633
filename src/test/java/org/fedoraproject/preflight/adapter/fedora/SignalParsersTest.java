package org.fedoraproject.preflight.adapter.fedora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.junit.jupiter.api.Test;

/** Bodhi's and Discourse's answers in their real shapes (recorded fixtures), and the ways they vary. */
class SignalParsersTest {

    static String fixture(String name) throws IOException {
        try (var in = SignalParsersTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bodhisQueryAnswerGivesTheUpdateWithItsBuildsBugsAndTestingDate() throws IOException {
        BodhiParser.Page page = BodhiParser.parse(fixture("bodhi-query.json"), "https://bodhi.example.org");
        assertEquals(1, page.pages());
        BodhiUpdate u = page.updates().get(0);
        assertEquals("FEDORA-2017-c95b33872d", u.alias());
        assertEquals("testing", u.status());
        assertEquals(0, u.karma());
        assertEquals(List.of("nodejs-grunt-wrap-0.3.0-2.fc25"), u.builds());
        assertEquals(1420605L, u.bugs().get(0).id());
        assertEquals(Optional.of(Instant.parse("2017-02-13T22:56:06Z")), u.testingSince());
        assertEquals(List.of(), u.negative(), "no negative comment in the fixture");
        assertFalse(u.warns());
        // The fixture's url is a developer's http://localhost: only https links are shown as they are.
        assertEquals("https://bodhi.example.org/updates/FEDORA-2017-c95b33872d", u.url());
        assertEquals(2, BodhiParser.parse(fixture("bodhi-query-multi.json"), "https://b").updates().size());
    }

    @Test
    void terminalAndBidiControlsInPeoplesTextNeverReachTheUser() {
        // OSC 52 (write the clipboard), OSC 0 (window title), CSI (colour), RLO, LRM and U+2028.
        String evil = "Black\\u001b]52;c;cm0gLXJmIH4=\\u0007 screen\\u001b]0;pwned\\u0007 \\u001b[31mred\\u001b[0m \\u202eevil\\u200e\\u2028next";
        String json = "{\"updates\":[{\"alias\":\"FEDORA-2026-1\",\"status\":\"testing\",\"karma\":-1,"
                + "\"builds\":[{\"nvr\":\"mesa-25.1.6-1.fc43\"}],\"comments\":[{\"karma\":-1,\"text\":\"" + evil + "\"}]}]}";
        String text = BodhiParser.parse(json, "https://b").updates().get(0).negative().get(0).text();
        assertTrue(text.chars().noneMatch(c -> c < 0x20 || c == 0x202e || c == 0x200e || c == 0x2028), text);
        assertEquals("Black]52;c;cm0gLXJmIH4= screen]0;pwned [31mred[0m evil next", text);
        String topics = "{\"topic_list\":{\"topics\":[{\"id\":9,\"title\":\"htop \\u001b]0;x\\u0007\\u202ewrong\",\"slug\":\"h\","
                + "\"tags\":[\"f43\\u001b[2J\"],\"created_at\":\"2026-11-22T10:00:00Z\"}]}}";
        CommonIssue issue = CommonIssuesParser.parse(topics, "https://d").issues().get(0);
        assertEquals("htop ]0;xwrong", issue.title());
        assertEquals(List.of("f43[2J"), issue.tags());
    }

    @Test
    void karmaCountsEachUsersLatestVoteSinceTheLastResetAsBodhiDoes() {
        // Two -1s on a build since replaced (Bodhi's own comment resets karma), then a +1: Bodhi says +2.
        String json = """
                {"updates":[{"alias":"FEDORA-2026-7a7a7a7a7a","status":"testing","karma":2,
                  "builds":[{"nvr":"gnome-shell-49.2-2.fc43","epoch":0}],
                  "comments":[
                    {"karma":-1,"text":"Crashes on resume","user":{"name":"alice"},"timestamp":"2026-11-20 10:00:00"},
                    {"karma":-1,"text":"Same here","user":{"name":"bob"},"timestamp":"2026-11-20 11:00:00"},
                    {"karma":0,"text":"New build(s): gnome-shell-49.2-2.fc43. Removed build(s): gnome-shell-49.2-1.fc43. Karma has been reset.",
                     "user":{"name":"bodhi"},"timestamp":"2026-11-21 09:00:00"},
                    {"karma":1,"text":"Fixed for me","user":{"name":"alice"},"timestamp":"2026-11-22 09:00:00"},
                    {"karma":1,"text":"Works","user":{"name":"carol"},"timestamp":"2026-11-22 10:00:00"}]}]}""";
        BodhiUpdate u = BodhiParser.parse(json, "https://b").updates().get(0);
        assertEquals(List.of(), u.negative(), "the -1s were for the build that was replaced");
        assertFalse(u.warns());
        assertEquals(Map.of("gnome-shell-49.2-2.fc43", 0L), u.buildEpochs());

        // Since the reset, a user who voted -1 then +1 counts as +1; one whose latest vote is -1 counts.
        String after = json.replace("\"karma\":1,\"text\":\"Works\",\"user\":{\"name\":\"carol\"}",
                "\"karma\":-1,\"text\":\"No sound\",\"user\":{\"name\":\"carol\"}")
                .replace("\"karma\":2,", "\"karma\":0,");
        BodhiUpdate v = BodhiParser.parse(after, "https://b").updates().get(0);
        assertEquals(List.of("carol"), v.negative().stream().map(BodhiUpdate.Comment::author).toList());
        assertTrue(v.warns());
    }

    @Test
    void missingFieldsUnknownStatusesAndNegativeFeedback() {
        String json = "{\"updates\":[{\"alias\":\"FEDORA-2026-1\",\"status\":\"side-tagged\",\"karma\":-2,"
                + "\"builds\":[{\"nvr\":\"mesa-25.1.6-1.fc43\"}],\"suggest\":\"reboot\",\"severity\":\"high\","
                + "\"url\":\"https://bodhi.fedoraproject.org/updates/FEDORA-2026-1\","
                + "\"comments\":[{\"karma\":-1,\"text\":\"Black screen on my Arc laptop\",\"timestamp\":\"2026-11-20 10:00:00\","
                + "\"user\":{\"name\":\"alice\"}},{\"karma\":1,\"text\":\"works\"},{\"karma\":-1,\"text\":\"same\"}]},"
                + "{\"status\":\"stable\"},{\"alias\":\"FEDORA-2026-2\"}],\"pages\":3,\"page\":2}";
        BodhiParser.Page page = BodhiParser.parse(json, "https://b");
        assertEquals(3, page.pages());
        assertEquals(2, page.updates().size(), "an update without an alias is skipped");
        BodhiUpdate u = page.updates().get(0);
        assertEquals("side-tagged", u.status(), "an unknown status is kept as given");
        assertTrue(u.warns());
        assertTrue(u.rebootSuggested());
        assertEquals(2, u.negative().size());
        assertEquals("alice", u.negative().get(0).author());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), u.negative().get(0).at());
        assertEquals("", u.negative().get(1).author(), "a comment without a user");
        BodhiUpdate bare = page.updates().get(1);
        assertEquals("unknown", bare.status());
        assertEquals(0, bare.karma());
        assertEquals("unspecified", bare.severity());
        assertEquals(Optional.empty(), bare.testingSince());
    }

    @Test
    void discoursesTopicListGivesOpenTopicsWithLinksAndTagsOfEitherShape() throws IOException {
        CommonIssuesParser.Page page = CommonIssuesParser.parse(fixture("discourse-topic-list.json"), "https://d.example.org");
        assertTrue(page.issues().size() >= 3, page.issues().toString());
        CommonIssue first = page.issues().get(0);
        assertEquals(13, first.id());
        assertEquals("https://d.example.org/t/2a6aa74e-e341-5e3c-1eaa-78c6331f305f/13", first.url());
        assertEquals(Instant.parse("2016-10-29T14:14:20.321Z"), first.created());
        assertEquals(Optional.empty(), page.more());

        String json = "{\"topic_list\":{\"more_topics_url\":\"/tags/c/ask/common-issues/82/none/f43?page=1\",\"topics\":["
                + "{\"id\":1,\"title\":\"About the Common Issues category\",\"slug\":\"about\"},"
                + "{\"id\":2,\"title\":\"Black screen after mesa 25.1.4 on Intel Arc\",\"slug\":\"black\",\"tags\":[\"f43\",\"mesa\"],"
                + "\"created_at\":\"2026-11-19T08:00:00Z\"},"
                + "{\"id\":3,\"title\":\"Old and closed\",\"closed\":true},"
                + "{\"id\":4,\"title\":\"Tags as objects\",\"tags\":[{\"id\":1,\"name\":\"f43\",\"slug\":\"f43\"}],\"archived\":false}]}}";
        CommonIssuesParser.Page fedora = CommonIssuesParser.parse(json, "https://discussion.fedoraproject.org");
        assertEquals(List.of(2L, 4L), fedora.issues().stream().map(CommonIssue::id).toList());
        assertEquals(List.of("f43", "mesa"), fedora.issues().get(0).tags());
        assertEquals(List.of("f43"), fedora.issues().get(1).tags());
        assertEquals("/tags/c/ask/common-issues/82/none/f43.json?page=1", SignalSources.asJson(fedora.more().orElseThrow()));
        assertEquals(List.of(), CommonIssuesParser.parse("{\"users\":[]}", "https://d").issues());
    }
}
