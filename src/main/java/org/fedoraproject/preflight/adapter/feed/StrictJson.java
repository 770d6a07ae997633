package org.fedoraproject.preflight.adapter.feed;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.function.ObjIntConsumer;

/**
 * JSON as RFC 8259 has it, nothing more: Gson's own parser is lenient (comments, unquoted keys
 * and strings, single quotes, trailing text) and lets a repeated key silently replace the first,
 * so that a feed with {@code "severity"} twice could turn critical into minor without a word.
 * Here each of those is an error naming where it is. Nesting is bounded.
 */
public final class StrictJson {

    static final int MAX_DEPTH = 64;

    private StrictJson() {
    }

    public static JsonElement parse(String text) {
        return parse(text, null, null);
    }

    /**
     * The same, but the items of the top-level object's array {@code streamed} are handed to
     * {@code items} one at a time, by index, as they are read, and not kept (the array is left
     * empty): a feed of ten thousand incidents never exists as one tree of JSON in memory.
     */
    public static JsonElement parse(String text, String streamed, ObjIntConsumer<JsonElement> items) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = reader.peek() == JsonToken.BEGIN_OBJECT && items != null ? readObject(reader, 0, streamed, items)
                    : read(reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more after the JSON value, at " + reader.getPath());
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new JsonParseException(e.getMessage(), e);
        }
    }

    /** An object; its array {@code streamed} (when not null) handed to {@code items} item by item, left empty. */
    private static JsonObject readObject(JsonReader reader, int depth, String streamed,
                                         ObjIntConsumer<JsonElement> items) throws IOException {
        JsonObject o = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (o.has(key)) {
                throw new JsonParseException("the key \"" + key + "\" appears twice, at " + reader.getPath());
            }
            if (key.equals(streamed) && reader.peek() == JsonToken.BEGIN_ARRAY) {
                reader.beginArray();
                for (int k = 0; reader.hasNext(); k++) {
                    items.accept(read(reader, depth + 2), k);
                }
                reader.endArray();
                o.add(key, new JsonArray());
            } else {
                o.add(key, read(reader, depth + 1));
            }
        }
        reader.endObject();
        return o;
    }

    private static JsonElement read(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonParseException("nested deeper than " + MAX_DEPTH + " at " + reader.getPath());
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                return readObject(reader, depth, null, null);
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    a.add(read(reader, depth + 1));
                }
                reader.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new JsonParseException("unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }
}
