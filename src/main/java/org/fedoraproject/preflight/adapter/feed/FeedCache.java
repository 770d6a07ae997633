package org.fedoraproject.preflight.adapter.feed;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fedoraproject.preflight.adapter.system.RegularFiles;

/**
 * The last good copy of each feed, in {@code $XDG_CACHE_HOME/preflight/feeds/}: the body exactly
 * as signed, in a file named after its own hash, and beside it a small record of the URL, the
 * signature, the HTTP validators, when it was fetched and which body file is current. Each is
 * written to a temporary file, flushed to disk and renamed into place, the body first: the
 * rename of the record is the moment the new copy takes over, so a crash at any point leaves
 * the old copy whole. Keeping the body raw means no 10 MB JSON string to decode on every start.
 */
public final class FeedCache {

    /** A kept copy. {@code fetched} is the last time the server confirmed it (200 or 304). */
    public record Entry(String url, byte[] body, String signature, Optional<String> etag, Optional<String> lastModified,
                        Instant fetched) {
    }

    /** The largest body a fetch accepts (FeedFetcher.Policy.DEFAULT): nothing larger is ever kept. */
    static final long MAX_BODY = 32L << 20;

    private final Path dir;

    public FeedCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    Path fileFor(String url) {
        return dir.resolve(hash(url.getBytes(StandardCharsets.UTF_8)).substring(0, 20) + ".json");
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The kept copy, or empty when there is none or it cannot be read (then it is as good as none).
     * A body replaced by another writer between reading the record and the body is looked up again
     * through the new record.
     */
    public Optional<Entry> load(String url) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return loadOnce(url);
            } catch (BodyGone e) {
                // the record changed under us: read it again
            }
        }
        return Optional.empty();
    }

    /** The body a record named was removed by a newer copy's writer. */
    private static final class BodyGone extends Exception {
        BodyGone() {
            super(null, null, false, false);
        }
    }

    private Optional<Entry> loadOnce(String url) throws BodyGone {
        Path file = fileFor(url);
        try {
            JsonObject o = JsonParser.parseString(RegularFiles.readString(file, RegularFiles.SMALL)).getAsJsonObject();
            if (!url.equals(o.get("url").getAsString())) {
                return Optional.empty();
            }
            String bodyFile = o.get("body_file").getAsString();
            if (bodyFile.contains("/")) {
                return Optional.empty();
            }
            byte[] body;
            try {
                body = RegularFiles.read(dir.resolve(bodyFile), MAX_BODY);
            } catch (NoSuchFileException gone) {
                throw new BodyGone();
            }
            if (o.has("body_length") && o.get("body_length").getAsLong() != body.length) {
                return Optional.empty();
            }
            return Optional.of(new Entry(url, body,
                    o.get("signature").getAsString(), optional(o, "etag"), optional(o, "last_modified"),
                    Instant.parse(o.get("fetched").getAsString())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException | IllegalArgumentException
                 | NullPointerException | UnsupportedOperationException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a record of a kept copy is there at all, usable or not. */
    boolean hasRecord(String url) {
        return Files.exists(fileFor(url), LinkOption.NOFOLLOW_LINKS);
    }

    public void store(Entry entry) throws IOException {
        store(entry, Optional.empty(), Optional.empty());
    }

    /**
     * Keeps the copy, and with it the feed as already checked, to be read back without parsing,
     * authenticated with {@code macKey} over the body's digest and the checked form: a checked
     * form is used again only for this very body, and only if no one rewrote it.
     */
    void store(Entry entry, Optional<FeedBinary.Parsed> checked, Optional<byte[]> macKey) throws IOException {
        // One writer at a time per feed, across processes (two checks at once, the background and
        // the window): else one could delete the body the other's record points to.
        Files.createDirectories(dir);
        synchronized (FeedCache.class) {
            try (FileChannel lock = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = lock.lock()) {
                storeLocked(entry, checked, macKey);
            }
        }
    }

    private void storeLocked(Entry entry, Optional<FeedBinary.Parsed> checked, Optional<byte[]> macKey) throws IOException {
        Path record = fileFor(entry.url());
        Optional<String> previous = currentBody(record);
        String stem = record.getFileName().toString().replace(".json", "");
        String bodyHash = hash(entry.body()).substring(0, 16);
        String bodyFile = stem + "-" + bodyHash + ".feed";
        Path body = dir.resolve(bodyFile);
        // A file of the right name and size may still have been changed: rewritten unless its bytes are these.
        if (!Files.isRegularFile(body, LinkOption.NOFOLLOW_LINKS) || Files.size(body) != entry.body().length
                || !Arrays.equals(Files.readAllBytes(body), entry.body())) {
            writeAtomically(body, entry.body());
        }
        String checkedFile = stem + "-" + bodyHash + ".checked";
        Optional<String> mac = Optional.empty();
        if (checked.isPresent() && macKey.isPresent()) {
            byte[] form = FeedBinary.write(checked.get());
            writeAtomically(dir.resolve(checkedFile), form);
            mac = Optional.of(mac(macKey.get(), entry.body(), form));
        }
        JsonObject o = new JsonObject();
        o.addProperty("url", entry.url());
        o.addProperty("fetched", entry.fetched().toString());
        entry.etag().ifPresent(v -> o.addProperty("etag", v));
        entry.lastModified().ifPresent(v -> o.addProperty("last_modified", v));
        o.addProperty("signature", entry.signature());
        o.addProperty("body_file", bodyFile);
        o.addProperty("body_length", entry.body().length);
        if (mac.isPresent()) {
            o.addProperty("checked_file", checkedFile);
            o.addProperty("checked_mac", mac.get());
        }
        writeAtomically(record, o.toString().getBytes(StandardCharsets.UTF_8));
        removeOldBodies(stem, bodyFile, checkedFile, previous);
    }

    /** The body file the record names now, kept one more round for a reader that read the record just before. */
    private Optional<String> currentBody(Path record) {
        try {
            JsonObject o = JsonParser.parseString(RegularFiles.readString(record,
                    RegularFiles.SMALL)).getAsJsonObject();
            return Optional.of(o.get("body_file").getAsString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What became of the checked form: none kept, used, or refused because it is not this body's or was rewritten. */
    sealed interface Checked {
        record None() implements Checked {
        }

        record Used(FeedBinary.Parsed parsed) implements Checked {
        }

        record Refused() implements Checked {
        }
    }

    /**
     * The kept feed as checked when it was fetched: only when its authentication over this very
     * (already signature-checked) body verifies with {@code macKey}, and it reads back whole.
     */
    Checked checked(String url, byte[] body, Optional<byte[]> macKey) {
        try {
            JsonObject o = JsonParser.parseString(RegularFiles.readString(fileFor(url), RegularFiles.SMALL)).getAsJsonObject();
            if (!o.has("checked_file") || !url.equals(o.get("url").getAsString())) {
                return new Checked.None();
            }
            String name = o.get("checked_file").getAsString();
            if (name.contains("/") || macKey.isEmpty() || !o.has("checked_mac")) {
                return new Checked.None();
            }
            byte[] form = RegularFiles.read(dir.resolve(name), 4 * MAX_BODY);
            if (!MessageDigest.isEqual(mac(macKey.get(), body, form).getBytes(StandardCharsets.US_ASCII),
                    o.get("checked_mac").getAsString().getBytes(StandardCharsets.US_ASCII))) {
                return new Checked.Refused();
            }
            return FeedBinary.read(form).<Checked>map(Checked.Used::new).orElse(new Checked.Refused());
        } catch (NoSuchFileException e) {
            return new Checked.None();
        } catch (IOException | RuntimeException e) {
            return new Checked.Refused();
        }
    }

    /** HMAC-SHA256 over the body's SHA-256 and the checked form. */
    private static String mac(byte[] key, byte[] body, byte[] form) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(MessageDigest.getInstance("SHA-256").digest(body));
            return HexFormat.of().formatHex(mac.doFinal(form));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bodies (and their checked forms) of this feed that no record points to any more. */
    private void removeOldBodies(String stem, String currentBody, String currentChecked, Optional<String> previous) {
        String previousChecked = previous.map(b -> b.replace(".feed", ".checked")).orElse("");
        try (var files = Files.newDirectoryStream(dir, stem + "-*.{feed,checked}")) {
            for (Path old : files) {
                String name = old.getFileName().toString();
                if (!name.equals(currentBody) && !name.equals(currentChecked) && !name.equals(previous.orElse(""))
                        && !name.equals(previousChecked)) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            // an old body left behind costs disk space, not correctness
        }
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Optional<String> optional(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? Optional.of(o.get(key).getAsString()) : Optional.empty();
    }
}
