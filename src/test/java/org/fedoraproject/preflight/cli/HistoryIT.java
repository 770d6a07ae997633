package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight history --json --root ROOT} from the jar, on the real roots; and the same run
 * as an ordinary user (nobody, when the tests run as root), which must read exactly as much.
 */
class HistoryIT {

    @TempDir
    Path dir;

    private Processes.Result history(boolean asNobody, Path root, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        Path jar = Processes.jar();
        if (asNobody) {
            Tools.require("runuser");
            // The ordinary user cannot see into the build directory: give it its own copy of the jar.
            Path shared = Files.createTempDirectory(Path.of("/tmp"), "preflight-it");
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            jar = Files.copy(jar, shared.resolve("preflight.jar"), StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            command.addAll(List.of("runuser", "-u", "nobody", "--", "env"));
            env.forEach((k, v) -> command.add(k + "=" + v));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "history", "--json", "--root", root.toString()));
        return Processes.run(command, null, asNobody ? Map.of() : env);
    }

    private static JsonArray transactions(Processes.Result r) {
        assertEquals(0, r.exitCode(), r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals(0, json.getAsJsonArray("problems").size(), r.stdout());
        return json.getAsJsonArray("transactions");
    }

    @Test
    void dnf4RootAsRootAndAsAnOrdinaryUser() throws Exception {
        JsonArray mine = transactions(history(false, TestRoots.dnf4Root(), Map.of()));
        assertEquals(6, mine.size());
        JsonObject newest = mine.get(0).getAsJsonObject();
        assertEquals("dnf4", newest.get("source").getAsString());
        assertEquals(6, newest.get("id").getAsLong());
        JsonObject install = newest.getAsJsonArray("packages").get(0).getAsJsonObject();
        assertEquals("pipewire-pulseaudio-1.4.9-1.fc43.x86_64", install.get("nevra").getAsString());
        assertEquals("pulseaudio-17.0-1.fc43.x86_64", install.getAsJsonArray("replaced").get(0).getAsString());
        if (TestRoots.isRoot()) {
            assertEquals(mine, transactions(history(true, TestRoots.dnf4Root(), Map.of())));
        }
    }

    @Test
    void dnf5RootMergesDnf4AsAnOrdinaryUserToo() throws Exception {
        JsonArray mine = transactions(history(false, TestRoots.dnf5Root(), TestRoots.dnf5Environment()));
        assertEquals(7, mine.size());
        // build-roots.sh starts PackageKit's dnf4 transaction in the second after dnf5's last one, so
        // it is newer by time; within dnf5's database the order is by id whatever the times.
        assertEquals("dnf4", mine.get(0).getAsJsonObject().get("source").getAsString(), "the newest is PackageKit's dnf4 one");
        assertEquals("dnf5", mine.get(1).getAsJsonObject().get("source").getAsString());
        if (TestRoots.isRoot()) {
            assertEquals(mine, transactions(history(true, TestRoots.dnf5Root(), Map.of())));
        }
    }

    @Test
    void aDatabaseInADirectoryTheUserCannotWriteWithoutItsWalFiles() throws Exception {
        if (!TestRoots.isRoot()) {
            Tools.missing("needs root to make a directory the test user cannot write");
        }
        // A root-owned copy, checkpointed into one file: SQLite may not create -wal/-shm beside it.
        Path root = Files.createTempDirectory(Path.of("/tmp"), "preflight-ro");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = root.resolve("usr/lib/sysimage/libdnf5/transaction_history.sqlite");
        Files.createDirectories(db.getParent());
        Processes.Result vacuum = Processes.run(List.of("sqlite3", "-readonly",
                TestRoots.dnf5Root().resolve("usr/lib/sysimage/libdnf5/transaction_history.sqlite").toString(),
                "VACUUM INTO '" + db + "'"), null, Map.of());
        assertEquals(0, vacuum.exitCode(), vacuum.stderr());
        Processes.run(List.of("chmod", "-R", "a+rX", root.toString()), null, Map.of());
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/dnf5"), "");
        assertTrue(!Files.exists(db.resolveSibling("transaction_history.sqlite-wal")));
        JsonArray asNobody = transactions(history(true, root, Map.of()));
        assertEquals(6, asNobody.size());
        assertTrue(!Files.exists(db.resolveSibling("transaction_history.sqlite-wal")), "nothing written beside it");
    }

    @Test
    void aRootWithoutHistorySaysWhyAndExitsThree() throws Exception {
        Processes.Result r = history(false, dir, Map.of());
        assertEquals(3, r.exitCode());
        assertTrue(r.stderr().contains("neither rpm-ostree, dnf5 nor dnf4 is installed"), r.stderr());
        assertEquals(1, JsonParser.parseString(r.stdout()).getAsJsonObject().getAsJsonArray("problems").size());
    }
}
