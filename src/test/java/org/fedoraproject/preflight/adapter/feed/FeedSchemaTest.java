package org.fedoraproject.preflight.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON Schema shipped for publishers says what the parser says. */
class FeedSchemaTest {

    private static Schema schema;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = FeedParser.class.getResourceAsStream("preflight-incidents-1.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static List<String> validate(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @Test
    void theSampleFeedIsValid() throws Exception {
        assertEquals(List.of(), validate(FeedParserTest.sample()));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            status       | "fixed"
            severity     | "catastrophic"
            published    | "2026-11-18"
            id           | "FPS 42; rm -rf /"
            arches       | ["x86-64"]
            bad_updates  | ["FEDORA-2026-xyz"]
            links        | [{"rel":"tracker","url":"http://bugzilla.redhat.com/1"}]
            title        | "Black screen\\u001b[31m"
            summary      | "reads \\u202eevil"
            affected     | []
            affected     | [{"name":"mesa;rm","introduced":"1-1"}]
            affected     | [{"name":"mesa","introduced":"1.0"}]
            affected     | [{"name":"mesa","introduced":"$(id)-1"}]
            """)
    void whatTheParserSkipsTheSchemaRejects(String field, String value) throws Exception {
        JsonElement replacement = JsonParser.parseString(value);
        String json = FeedParserTest.edited(root -> FeedParserTest.incident(root, 0).add(field, replacement));
        assertFalse(validate(json).isEmpty(), "the schema rejects it");
        assertFalse(FeedParser.parse(json).problems().isEmpty(), "the parser rejects it");
    }

    @Test
    void unknownFieldsAreAllowedByBoth() throws Exception {
        String json = FeedParserTest.edited(root -> root.addProperty("extension", 1));
        assertEquals(List.of(), validate(json));
        assertTrue(FeedParser.parse(json).problems().isEmpty());
    }
}
