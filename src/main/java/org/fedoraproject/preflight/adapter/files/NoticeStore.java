package org.fedoraproject.preflight.adapter.files;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import org.fedoraproject.preflight.adapter.system.RegularFiles;

/**
 * The states already announced, kept in {@code $XDG_STATE_HOME/preflight/notified.json} so that
 * a restart in the same state announces nothing. An unreadable file counts as empty: at worst a
 * notification is repeated once, never lost.
 */
public final class NoticeStore {

    private final Path file;

    public NoticeStore(Path stateDir) {
        this.file = stateDir.resolve("notified.json");
    }

    public Set<String> load() {
        Set<String> keys = new LinkedHashSet<>();
        try {
            JsonObject o = JsonParser.parseString(RegularFiles.readString(file, RegularFiles.SMALL)).getAsJsonObject();
            for (JsonElement e : o.getAsJsonArray("announced")) {
                keys.add(e.getAsString());
            }
        } catch (NoSuchFileException e) {
            return keys;
        } catch (IOException | RuntimeException e) {
            return new LinkedHashSet<>();
        }
        return keys;
    }

    public void save(Set<String> keys) throws IOException {
        JsonObject o = new JsonObject();
        JsonArray list = new JsonArray();
        keys.forEach(list::add);
        o.add("announced", list);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".notified", ".tmp");
        Files.writeString(temp, o.toString(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
