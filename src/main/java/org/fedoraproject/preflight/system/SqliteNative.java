package org.fedoraproject.preflight.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.sqlite.SQLiteJDBCLoader;

/**
 * SQLite's native library, unpacked once into the cache and reused. Left to itself, sqlite-jdbc
 * unpacks its library into /tmp on every start, which costs a fifth of a second of each
 * {@code preflight check}. When the cache cannot be written, sqlite-jdbc's own way is used.
 */
public final class SqliteNative {

    private static volatile Path cacheDir;
    private static boolean prepared;

    private SqliteNative() {
    }

    /** Where to keep the library; nothing is unpacked until a database is first opened. */
    public static void useCacheDir(Path dir) {
        cacheDir = dir;
    }

    /** Unpacks the library into the cache once, before the first connection. */
    static synchronized void prepare() {
        if (prepared || cacheDir == null) {
            return;
        }
        prepared = true;
        unpack(cacheDir);
    }

    private static void unpack(Path cacheDir) {
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> "";
        };
        String resource = "/org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so";
        if (arch.isEmpty() || !"Linux".equals(System.getProperty("os.name"))) {
            return;
        }
        Path dir = cacheDir.resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + arch);
        Path library = dir.resolve("libsqlitejdbc.so");
        try {
            if (!Files.isRegularFile(library)) {
                try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    Path temp = Files.createTempFile(dir, ".libsqlitejdbc", ".tmp");
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", "libsqlitejdbc.so");
        } catch (IOException | SecurityException e) {
            // sqlite-jdbc unpacks into the temporary directory itself
        }
    }
}
