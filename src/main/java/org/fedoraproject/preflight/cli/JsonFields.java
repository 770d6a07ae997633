package org.fedoraproject.preflight.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;

/** Fields the streamed JSON outputs (health, desk review) write alike. */
final class JsonFields {

    private JsonFields() {
    }

    /** A list of strings under a name. */
    static void strings(JsonWriter w, String name, List<String> values) throws IOException {
        w.name(name).beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
