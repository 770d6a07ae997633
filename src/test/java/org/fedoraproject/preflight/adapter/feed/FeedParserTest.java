package org.fedoraproject.preflight.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.rpm.Evr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTest {

    static String sample() throws IOException {
        try (InputStream in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Feed accepted(FeedReadResult r) {
        assertTrue(r instanceof FeedReadResult.Accepted, "refused: " + r.problems());
        return ((FeedReadResult.Accepted) r).feed();
    }

    /** The sample feed with one change made to the JSON tree. */
    static String edited(Consumer<JsonObject> edit) throws IOException {
        JsonObject root = JsonParser.parseString(sample()).getAsJsonObject();
        edit.accept(root);
        return root.toString();
    }

    static JsonObject incident(JsonObject root, int k) {
        return root.getAsJsonArray("incidents").get(k).getAsJsonObject();
    }

    @Test
    void readsTheSampleFeedWhole() throws Exception {
        FeedReadResult r = FeedParser.parse(sample());
        Feed feed = accepted(r);
        assertEquals(List.of(), r.problems());
        assertEquals(6, feed.incidents().size());
        Incident mesa = feed.incidents().get(0);
        assertEquals("FPS-2026-0042", mesa.id());
        assertEquals(IncidentStatus.FIX_TESTING, mesa.status());
        assertEquals(Severity.MAJOR, mesa.severity());
        assertEquals(Evr.parse("25.1.4-1.fc43"), mesa.affected().get(0).introduced());
        assertEquals(Evr.parse("25.1.6-1.fc43"), mesa.affected().get(0).fixed().orElseThrow());
        assertEquals(Evr.parse("25.1.2-1.fc43"), mesa.affected().get(0).lastGood().orElseThrow());
        assertEquals(LocalDate.of(2026, 11, 27), mesa.fix().expected().orElseThrow());
        assertEquals(Instant.parse("2026-11-18T09:30:00Z"), mesa.published());
        assertEquals(3, mesa.timeline().size());
        assertTrue(mesa.appliesTo("43", "workstation", "x86_64"));
        assertTrue(!mesa.appliesTo("43", "server", "x86_64"));
        Incident kernel = feed.incidents().get(1);
        assertTrue(kernel.affected().get(0).fixed().isEmpty(), "no fix yet: open range");
        assertTrue(kernel.appliesTo("43", "anything", "x86_64"), "no variants: every edition");
        assertEquals(1L, feed.incidents().get(2).affected().get(0).introduced().epoch());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Feed feed = accepted(FeedParser.parse(edited(root -> {
            root.addProperty("mirror_hint", "https://example.org");
            incident(root, 0).addProperty("cve", "CVE-2026-0001");
            incident(root, 0).getAsJsonArray("affected").get(0).getAsJsonObject().addProperty("source", "mesa");
        })));
        assertEquals(6, feed.incidents().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            preflight-incidents/2     | newer than this Preflight reads
            preflight-incidents/1.4   | ''
            other-feed/1              | is not a Preflight incident feed
            """)
    void theFormatDecides(String format, String message) throws Exception {
        FeedReadResult r = FeedParser.parse(edited(root -> root.addProperty("format", format)));
        if (message.isEmpty()) {
            accepted(r);
        } else {
            assertTrue(r instanceof FeedReadResult.Refused && r.problems().get(0).toString().contains(message), r.problems().toString());
            assertEquals("$.format", r.problems().get(0).path());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"format":"preflight-incidents/1"                                  | not valid JSON
            {format:"preflight-incidents/1","incidents":[]}                    | not valid JSON
            {"format":"preflight-incidents/1", /* a comment */ "incidents":[]} | not valid JSON
            {"format":"preflight-incidents/1","incidents":[]} trailing         | not valid JSON
            {"format":"preflight-incidents/1","format":"preflight-incidents/1"} | the key "format" appears twice
            []                                                                 | a feed is a JSON object
            {"format":"preflight-incidents/1","publisher":"x","generated":"2026-11-20T12:00:00Z","expires":"2026-11-27T12:00:00Z"} | $.incidents: must be a list
            {"format":"preflight-incidents/1","publisher":"x","generated":"yesterday","expires":"2026-11-27T12:00:00Z","incidents":[]} | $.generated: "yesterday" is not an RFC 3339 date-time
            {"format":"preflight-incidents/1","publisher":"x","generated":"2026-11-27T12:00:00Z","expires":"2026-11-20T12:00:00Z","incidents":[]} | $.expires: must be after generated
            """)
    void aFeedThatCannotBeUsedIsRefusedWithItsPath(String json, String message) {
        FeedReadResult r = FeedParser.parse(json);
        assertTrue(r instanceof FeedReadResult.Refused, "accepted?");
        assertTrue(r.problems().get(0).toString().contains(message), r.problems().toString());
    }

    @Test
    void aDuplicatedKeyInAnIncidentRefusesTheFeedInsteadOfTheLastOneWinning() throws IOException {
        // A publisher's copy and paste: "severity" twice; Gson alone would keep "minor" and hold nothing.
        String twice = sample().replaceFirst("\"severity\": *\"(critical|major)\"", "\"severity\": \"$1\", \"severity\": \"minor\"");
        assertTrue(!twice.equals(sample()), "the sample has a critical or major incident");
        FeedReadResult r = FeedParser.parse(twice);
        assertTrue(r instanceof FeedReadResult.Refused, "refused, not read with the last value");
        assertTrue(r.problems().get(0).toString().contains("the key \"severity\" appears twice"), r.problems().toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            status       | "fixed"                                   | $.incidents[0].status
            severity     | "catastrophic"                            | $.incidents[0].severity
            published    | "2026-11-18"                              | $.incidents[0].published
            title        | ""                                        | $.incidents[0].title
            id           | "FPS 42; rm -rf /"                        | $.incidents[0].id
            arches       | ["x86-64"]                                | $.incidents[0].arches
            bad_updates  | ["FEDORA-2026-xyz"]                       | $.incidents[0].bad_updates
            links        | [{"rel":"tracker","url":"http://bugzilla.redhat.com/1"}] | $.incidents[0].links[0].url
            links        | [{"rel":"tracker","url":"javascript:alert(1)"}]          | $.incidents[0].links[0].url
            title        | "Black screen\\u001b[31m"                 | $.incidents[0].title
            summary      | "reads \\u202eevil"                       | $.incidents[0].summary
            affected     | []                                        | $.incidents[0].affected
            affected     | [{"name":"mesa;rm","introduced":"1-1"}]   | $.incidents[0].affected[0].name
            affected     | [{"name":"mesа","introduced":"1-1"}]      | $.incidents[0].affected[0].name
            affected     | [{"name":"mesa","introduced":"1.0"}]      | $.incidents[0].affected[0].introduced
            affected     | [{"name":"mesa","introduced":"2-1","fixed":"1-1"}] | $.incidents[0].affected[0].fixed
            affected     | [{"name":"mesa","introduced":"2-1","last_good":"3-1"}] | $.incidents[0].affected[0].last_good
            affected     | [{"name":"mesa","introduced":"$(id)-1"}]  | $.incidents[0].affected[0].introduced
            fix          | {"expected":"next week"}                  | $.incidents[0].fix.expected
            """)
    void oneBadIncidentIsSkippedAndNamedTheRestIsUsed(String field, String value, String path) throws Exception {
        JsonElement replacement = JsonParser.parseString(value);
        FeedReadResult r = FeedParser.parse(edited(root -> incident(root, 0).add(field, replacement)));
        Feed feed = accepted(r);
        assertEquals(5, feed.incidents().size());
        assertTrue(feed.incidents().stream().noneMatch(i -> i.id().equals("FPS-2026-0042")));
        assertEquals(new FeedProblem("$.incidents[0]", "incident skipped"), r.problems().get(0));
        assertTrue(r.problems().stream().anyMatch(p -> p.path().equals(path)), r.problems().toString());
    }

    @Test
    void duplicateIdsSkipTheLaterOne() throws Exception {
        FeedReadResult r = FeedParser.parse(edited(root -> incident(root, 3).addProperty("id", "FPS-2026-0042")));
        assertEquals(5, accepted(r).incidents().size());
        assertTrue(r.problems().toString().contains("$.incidents[3].id: \"FPS-2026-0042\" is used by an earlier incident"));
    }

    @Test
    void aResolvedIncidentSaysWhen() throws Exception {
        FeedReadResult r = FeedParser.parse(edited(root -> incident(root, 4).remove("resolved")));
        assertTrue(r.problems().toString().contains("$.incidents[4].resolved"), r.problems().toString());
    }

    @Test
    void everyIncidentBadReportsEveryOne() throws Exception {
        FeedReadResult r = FeedParser.parse(edited(root -> {
            JsonArray incidents = root.getAsJsonArray("incidents");
            for (JsonElement i : incidents) {
                i.getAsJsonObject().addProperty("severity", "unknown");
            }
        }));
        assertEquals(0, accepted(r).incidents().size());
        assertEquals(12, r.problems().size());
    }
}
