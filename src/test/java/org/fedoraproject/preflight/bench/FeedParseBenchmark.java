package org.fedoraproject.preflight.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.feed.FeedReadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and validating a feed of 10,000 incidents (about 5 MB): the sample feed's incidents
 * repeated with their own ids and package names; nine in ten are cut to a short summary, one
 * package and their latest timeline entry, as most incidents in a long feed are short.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.include=FeedParseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FeedParseBenchmark {

    static final int INCIDENTS = 10_000;

    private String json;

    @Setup
    public void setup() throws Exception {
        json = bigFeed(INCIDENTS);
        FeedReadResult r = FeedParser.parse(json);
        if (!(r instanceof FeedReadResult.Accepted a) || a.feed().incidents().size() != INCIDENTS) {
            throw new IllegalStateException("the generated feed does not parse whole: " + r.problems().subList(0, Math.min(5, r.problems().size())));
        }
        System.out.printf("feed: %d incidents, %.1f MB%n", INCIDENTS, json.length() / 1e6);
    }

    public static String bigFeed(int count) throws Exception {
        return bigFeed(count, (name, k) -> name + "-" + (k % 1000));
    }

    /** {@code packageName} gives incident {@code k}'s name for each package the sample names. */
    public static String bigFeed(int count, BiFunction<String, Integer, String> packageName) throws Exception {
        JsonObject root;
        try (InputStream in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        JsonArray sample = root.getAsJsonArray("incidents");
        JsonArray incidents = new JsonArray();
        for (int k = 0; k < count; k++) {
            JsonObject incident = sample.get(k % sample.size()).deepCopy().getAsJsonObject();
            incident.addProperty("id", "GEN-" + k);
            for (JsonElement a : incident.getAsJsonArray("affected")) {
                JsonObject affected = a.getAsJsonObject();
                affected.addProperty("name", packageName.apply(affected.get("name").getAsString(), k));
            }
            if (k % 10 != 0) {
                String summary = incident.get("summary").getAsString();
                incident.addProperty("summary", summary.substring(0, Math.min(summary.length(), 120)));
                incident.remove("fix");
                JsonArray packages = incident.getAsJsonArray("affected");
                if (packages.size() > 1) {
                    packages.remove(packages.size() - 1);
                }
                trimToLast(incident, "timeline");
                trimToLast(incident, "links");
                incident.remove("workarounds");
                incident.remove("links");
            }
            incidents.add(incident);
        }
        root.add("incidents", incidents);
        return root.toString();
    }

    private static void trimToLast(JsonObject incident, String key) {
        JsonArray all = incident.getAsJsonArray(key);
        if (all != null && all.size() > 1) {
            JsonArray last = new JsonArray();
            last.add(all.get(all.size() - 1));
            incident.add(key, last);
        }
    }

    /** Only Gson's JSON tree, for comparison: what validation adds is the difference. */
    @Benchmark
    public JsonElement jsonTreeOnly() {
        return JsonParser.parseString(json);
    }

    @Benchmark
    public FeedReadResult parseAndValidate() {
        return FeedParser.parse(json);
    }
}
