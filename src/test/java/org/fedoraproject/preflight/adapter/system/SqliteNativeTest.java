package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native code is loaded only from a place only its owner can write, and only when it is the jar's own. */
class SqliteNativeTest {

    @TempDir
    Path home;

    static final byte[] LIBRARY = "the jar's libsqlitejdbc.so".getBytes();

    private Path cache() throws Exception {
        Path cache = Files.createDirectories(home.resolve("cache"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        return cache;
    }

    private static Path kept(Path cache) throws Exception {
        try (var files = Files.walk(cache)) {
            return files.filter(p -> p.getFileName().toString().equals("libsqlitejdbc.so")).findFirst().orElseThrow();
        }
    }

    @Test
    void aPrivateCacheIsUsedAndTheCopyIsTheJarsOwn() throws Exception {
        Path cache = cache();
        long uid = SqliteNative.uid();
        Optional<Path> dir = SqliteNative.keptCopy(cache, LIBRARY, uid);
        assertTrue(dir.isPresent(), "written and trusted");
        assertArrayEquals(LIBRARY, Files.readAllBytes(dir.get().resolve("libsqlitejdbc.so")));
        assertEquals(dir, SqliteNative.keptCopy(cache, LIBRARY, uid), "used again");
    }

    @Test
    void aPlantedOrChangedLibraryIsNeverLoaded() throws Exception {
        Path cache = cache();
        long uid = SqliteNative.uid();
        SqliteNative.keptCopy(cache, LIBRARY, uid).orElseThrow();
        Path library = kept(cache);
        Files.write(library, "planted code".getBytes());
        assertEquals(Optional.empty(), SqliteNative.keptCopy(cache, LIBRARY, uid), "not the jar's library");
        Files.write(library, LIBRARY);
        Files.setPosixFilePermissions(library.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Optional.empty(), SqliteNative.keptCopy(cache, LIBRARY, uid), "a directory others can write");
        Files.setPosixFilePermissions(library.getParent(), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(Optional.empty(), SqliteNative.keptCopy(cache, LIBRARY, uid), "a file others can write");
        Files.delete(library);
        Files.createSymbolicLink(library, home.resolve("elsewhere.so"));
        Files.write(home.resolve("elsewhere.so"), LIBRARY);
        assertEquals(Optional.empty(), SqliteNative.keptCopy(cache, LIBRARY, uid), "a link");
    }

    @Test
    void rootNeverLoadsAnotherUsersCopy() throws Exception {
        if (!TestRoots.isRoot()) {
            Tools.missing("needs root to give the cache to another user");
        }
        Path cache = cache();
        SqliteNative.keptCopy(cache, LIBRARY, SqliteNative.uid()).orElseThrow();
        // The cache of the user who ran sudo: the library is theirs, even if it is byte for byte the jar's.
        Processes.Result chown = Processes.run(List.of("chown", "-R", "nobody", home.toString()), null, Map.of());
        assertEquals(0, chown.exitCode(), chown.stderr());
        assertEquals(0, SqliteNative.uid());
        assertEquals(Optional.empty(), SqliteNative.keptCopy(cache, LIBRARY, 0));
        Path own = SqliteNative.privateCopy(LIBRARY).orElseThrow();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own)));
        assertArrayEquals(LIBRARY, Files.readAllBytes(own.resolve("libsqlitejdbc.so")));
    }
}
