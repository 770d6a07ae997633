package org.fedoraproject.preflight.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.fedoraproject.preflight.desk.Triage;

/** {@code desk triage}'s text and JSON. */
final class TriageOutput {

    private TriageOutput() {
    }

    static String text(Triage.Result result, List<String> releases) {
        StringBuilder out = new StringBuilder();
        if (result.candidates().isEmpty()) {
            out.append("Nothing new for Fedora ").append(String.join(", ", releases)).append(".\n");
        }
        for (Triage.Candidate c : result.candidates()) {
            out.append(c.weight()).append("  ").append(c.kind()).append(": ").append(c.title()).append('\n');
            out.append("   ").append(c.detail()).append('\n');
            out.append("   ").append(c.command()).append('\n');
        }
        return out.toString();
    }

    static String json(Triage.Result result) {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject().name("candidates").beginArray();
            for (Triage.Candidate c : result.candidates()) {
                w.beginObject().name("weight").value(c.weight()).name("kind").value(c.kind()).name("title").value(c.title())
                        .name("detail").value(c.detail()).name("command").value(c.command()).endObject();
            }
            w.endArray().name("problems").beginArray();
            for (String p : result.problems()) {
                w.value(p);
            }
            w.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }
}
