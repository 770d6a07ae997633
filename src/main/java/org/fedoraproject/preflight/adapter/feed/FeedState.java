package org.fedoraproject.preflight.adapter.feed;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.system.RegularFiles;

/**
 * What Preflight remembers of each feed apart from the cache, in {@code $XDG_STATE_HOME/preflight/feeds}:
 * the newest {@code generated} it has accepted and the digest of that body, so that clearing or
 * replacing the cache does not re-open a replay of an older signed feed; and the key that
 * authenticates the cache's checked forms (a copy of a feed read back without parsing), so that
 * a checked form rewritten without that key is noticed. The cache can be thrown away; this
 * stays. Read-only callers (the dnf hook, run as root on a user's files) never create it.
 */
public final class FeedState {

    /** The newest copy of a feed accepted so far. */
    public record Seen(Instant generated, String bodySha256) {
    }

    /** A state file is a few hundred bytes; anything far larger is not one. */
    private static final long MAX_SIZE = 64 * 1024;

    private final Path dir;

    public FeedState(Path dir) {
        this.dir = dir;
    }

    public Optional<Seen> seen(String url) {
        Optional<String> text = read(dir.resolve(FeedCache.hash(url.getBytes(StandardCharsets.UTF_8)).substring(0, 20) + ".seen"));
        try {
            return text.map(t -> JsonParser.parseString(t).getAsJsonObject())
                    .filter(o -> url.equals(o.get("url").getAsString()))
                    .map(o -> new Seen(Instant.parse(o.get("generated").getAsString()), o.get("sha256").getAsString()));
        } catch (RuntimeException e) {
            return Optional.empty(); // damaged: as good as none (the cache's own check still applies)
        }
    }

    /** Remembers an accepted copy, unless an even newer one is remembered already. */
    public void accept(String url, Instant generated, byte[] body) throws IOException {
        Optional<Seen> before = seen(url);
        if (before.isPresent() && before.get().generated().isAfter(generated)) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("url", url);
        o.addProperty("generated", generated.toString());
        o.addProperty("sha256", FeedCache.hash(body));
        FeedCache.writeAtomically(dir.resolve(FeedCache.hash(url.getBytes(StandardCharsets.UTF_8)).substring(0, 20) + ".seen"),
                o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key for checked forms, if there is one; never made here. */
    Optional<byte[]> macKey() {
        return read(dir.resolve("checked.key")).flatMap(hex -> {
            try {
                byte[] key = HexFormat.of().parseHex(hex.strip());
                return key.length == 32 ? Optional.of(key) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The key for checked forms, made (random, readable by its owner only) when there is none. */
    byte[] macKeyOrNew() throws IOException {
        Optional<byte[]> key = macKey();
        if (key.isPresent()) {
            return key.get();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".checked.key", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, HexFormat.of().formatHex(fresh));
        Files.move(temp, dir.resolve("checked.key"), StandardCopyOption.ATOMIC_MOVE);
        return fresh;
    }

    private static Optional<String> read(Path file) {
        try {
            // Not through a link: what is remembered is Preflight's own file.
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            return Optional.of(RegularFiles.readString(file, MAX_SIZE));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
