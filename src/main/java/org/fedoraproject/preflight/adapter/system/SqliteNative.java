package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteJDBCLoader;

/**
 * SQLite's native library, unpacked once into the cache and reused. Left to itself, sqlite-jdbc
 * unpacks its library into /tmp on every start, which costs a fifth of a second of each
 * {@code preflight check}.
 *
 * <p>Native code runs with the process's rights, and root runs Preflight too (the dnf hook, with
 * the kept feeds of the user who ran sudo; {@code sudo -E}; a shared cache). So a kept copy is
 * loaded only when it is exactly the library in Preflight's jar, and it and every directory
 * above it belong to the running user (or root) and are not writable by group or others (a
 * sticky directory such as /tmp excepted); otherwise the library is unpacked from the jar into a
 * fresh private temporary directory (mode 700), never taken from another user's files.
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

    /** Unpacks the library (or finds the kept copy) once, before the first connection. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        Optional<byte[]> library = libraryInJar();
        if (library.isEmpty()) {
            return; // not Linux x86_64/aarch64: sqlite-jdbc's own way
        }
        Optional<Path> dir = Optional.ofNullable(cacheDir).flatMap(c -> keptCopy(c, library.get(), uid()))
                .or(() -> privateCopy(library.get()));
        dir.ifPresent(d -> {
            System.setProperty("org.sqlite.lib.path", d.toString());
            System.setProperty("org.sqlite.lib.name", "libsqlitejdbc.so");
        });
    }

    /**
     * The directory of a trusted kept copy of {@code library} under {@code cacheDir}, written
     * there first if missing: empty when the place or the file cannot be trusted.
     */
    static Optional<Path> keptCopy(Path cacheDir, byte[] library, long uid) {
        Path dir = cacheDir.resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + arch());
        Path file = dir.resolve("libsqlitejdbc.so");
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                if (!trustedChain(dir, uid)) {
                    return Optional.empty();
                }
                Path temp = Files.createTempFile(dir, ".libsqlitejdbc", ".tmp");
                Files.write(temp, library);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!trustedChain(dir, uid) || !trustedFile(file, uid) || !Arrays.equals(Files.readAllBytes(file), library)) {
                return Optional.empty();
            }
            return Optional.of(dir);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The library unpacked into a new directory only this process's user can enter. */
    static Optional<Path> privateCopy(byte[] library) {
        try {
            Path dir = Files.createTempDirectory("preflight-sqlite-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.write(dir.resolve("libsqlitejdbc.so"), library);
            dir.resolve("libsqlitejdbc.so").toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return Optional.of(dir);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty(); // sqlite-jdbc's own way, into the temporary directory
        }
    }

    /** The file is a regular file (no link), owned by {@code uid}, writable by no one else. */
    static boolean trustedFile(Path file, long uid) throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isRegularFile() && owner(file) == uid && !writableByOthers(a.permissions());
    }

    /**
     * Every directory from {@code dir} up to / belongs to {@code uid} or root and is writable by
     * no one else, but for sticky directories (no one can replace another's entries there).
     */
    static boolean trustedChain(Path dir, long uid) throws IOException {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            long owner = owner(p);
            boolean sticky = (((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 01000) != 0;
            if (!a.isDirectory() || (owner != uid && owner != 0) || (writableByOthers(a.permissions()) && !sticky)) {
                return false;
            }
        }
        return true;
    }

    private static boolean writableByOthers(Set<PosixFilePermission> permissions) {
        return permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static long owner(Path p) throws IOException {
        return ((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    /** The running user's uid: the owner of this process's own /proc entry. */
    static long uid() {
        try {
            return owner(Path.of("/proc", Long.toString(ProcessHandle.current().pid())));
        } catch (IOException | UnsupportedOperationException e) {
            return -1; // unknown: no kept copy can be trusted
        }
    }

    static Optional<byte[]> libraryInJar() {
        if (arch().isEmpty() || !"Linux".equals(System.getProperty("os.name"))) {
            return Optional.empty();
        }
        try (InputStream in = SqliteNative.class.getResourceAsStream("/org/sqlite/native/Linux/" + arch() + "/libsqlitejdbc.so")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String arch() {
        return switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> "";
        };
    }
}
