package org.fedoraproject.preflight.adapter.fedora;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.signal.Release;

/**
 * Bodhi's {@code /releases/} answer: Fedora's own releases only (id_prefix FEDORA, names like
 * F43; not the EPEL, container or Flatpak rows), states kept as Bodhi gives them.
 */
public final class BodhiReleasesParser {

    private BodhiReleasesParser() {
    }

    public static List<Release> parse(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonElement list = root.get("releases");
        if (list == null || !list.isJsonArray()) {
            throw new IllegalArgumentException("no \"releases\" list");
        }
        List<Release> releases = new ArrayList<>();
        for (JsonElement e : list.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject r = e.getAsJsonObject();
            String name = string(r, "name");
            String prefix = string(r, "id_prefix");
            // Fedora's rows only, named and numbered in ASCII digits that agree ("٤٤" is no release).
            if (!name.matches("F[0-9]{2,3}") || !(prefix.isEmpty() || prefix.equals("FEDORA"))
                    || !name.equals("F" + string(r, "version"))) {
                continue;
            }
            releases.add(new Release(name, string(r, "version"), string(r, "state"), date(string(r, "eol"))));
        }
        return releases;
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? SafeText.line(e.getAsString()) : "";
    }
}
