package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file Preflight keeps or is pointed at, as untrusted: only a regular file (a FIFO would
 * block for ever, {@code /dev/zero} never ends, a directory is no file; a link is followed only
 * to a regular file), and never more than a cap, so that no file can hang a check or fill the
 * memory. The errors say what the file is instead.
 */
public final class RegularFiles {

    /** Settings, records, keys, os-release: small files. */
    public static final long SMALL = 1L << 20;

    private RegularFiles() {
    }

    public static byte[] read(Path file, long max) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new IOException(file + " is not a regular file (" + kind(a) + ")");
        }
        if (a.size() > max) {
            throw new IOException(file + " is larger than " + human(max));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new IOException(file + " is larger than " + human(max));
            }
            return bytes;
        }
    }

    public static String readString(Path file, long max) throws IOException {
        return new String(read(file, max), StandardCharsets.UTF_8);
    }

    private static String kind(BasicFileAttributes a) {
        return a.isDirectory() ? "a directory" : a.isOther() ? "a device, FIFO or socket" : "not a file";
    }

    private static String human(long bytes) {
        return bytes >= 1 << 20 ? bytes / (1 << 20) + " MiB" : bytes / 1024 + " KiB";
    }
}
