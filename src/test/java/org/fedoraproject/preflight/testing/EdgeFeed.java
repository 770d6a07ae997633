package org.fedoraproject.preflight.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The incident feed for the edge roots of build-roots.sh (EdgeRootsIT, the window's tests). */
public final class EdgeFeed {

    private EdgeFeed() {
    }

    static JsonObject affected(String name, String introduced, String fixed, String lastGood) {
        JsonObject a = new JsonObject();
        a.addProperty("name", name);
        a.addProperty("introduced", introduced);
        if (fixed != null) {
            a.addProperty("fixed", fixed);
        }
        a.addProperty("last_good", lastGood);
        return a;
    }

    static JsonObject incident(String id, String title, List<String> variants, JsonObject... affected) {
        JsonObject i = JsonParser.parseString("{\"status\":\"identified\",\"severity\":\"major\","
                + "\"published\":\"2026-11-20T10:00:00Z\",\"modified\":\"2026-11-20T10:00:00Z\",\"resolved\":null,"
                + "\"releases\":[\"43\"],\"summary\":\"Test incident.\"}").getAsJsonObject();
        i.addProperty("id", id);
        i.addProperty("title", title);
        JsonArray v = new JsonArray();
        variants.forEach(v::add);
        i.add("variants", v);
        JsonArray list = new JsonArray();
        for (JsonObject a : affected) {
            list.add(a);
        }
        i.add("affected", list);
        return i;
    }

    /** The edge feed: the kernel from 6.17.6 (fix: kernelFix), mesa-libGL 25.1.4 (fix: mesaFix), Plasma 6.5.2 for KDE only. */
    public static byte[] of(String kernelFix, String mesaFix, String generated) {
        JsonObject f = new JsonObject();
        f.addProperty("format", "preflight-incidents/1");
        f.addProperty("publisher", "Preflight edge test");
        f.addProperty("generated", generated);
        f.addProperty("expires", "2027-12-01T00:00:00Z");
        JsonArray incidents = new JsonArray();
        incidents.add(incident("EDGE-KERNEL", "Does not boot on some laptops", List.of(),
                affected("kernel-core", "6.17.6-300.fc43", kernelFix, "6.17.5-300.fc43"),
                affected("kernel-modules", "6.17.6-300.fc43", kernelFix, "6.17.5-300.fc43")));
        incidents.add(incident("EDGE-MESA", "Games crash at start", List.of(),
                affected("mesa-libGL", "25.1.4-1.fc43", mesaFix, "25.1.2-1.fc43")));
        incidents.add(incident("EDGE-KDE", "Plasma panel freezes", List.of("kde"),
                affected("plasma-workspace", "6.5.2-1.fc43", null, "6.5.1-1.fc43")));
        // A publisher's mistakes: a range without grub2-efi-x64's epoch 1, and the source package's name as a binary's.
        incidents.add(incident("EDGE-GRUB", "Boot menu missing", List.of(),
                affected("grub2-efi-x64", "2.12-32.fc43", "2.12-33.fc43", "2.12-31.fc43")));
        incidents.add(incident("EDGE-SRC", "Vulkan games stutter", List.of(),
                affected("mesa", "25.1.4-1.fc43", "25.1.6-1.fc43", "25.1.2-1.fc43")));
        f.add("incidents", incidents);
        return f.toString().getBytes(StandardCharsets.UTF_8);
    }
}
