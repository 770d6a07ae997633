package org.fedoraproject.preflight.adapter.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdgDirsTest {

    @TempDir
    Path dir;

    @Test
    void underSudoTheHookUsesTheInvokingUsersDirectories() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n");
        XdgDirs alice = XdgDirs.ofInvokingUser(Map.of("SUDO_USER", "alice", "HOME", "/root"), passwd);
        assertEquals(Path.of("/home/alice/.config/preflight"), alice.config());
        assertEquals(Path.of("/home/alice/.cache/preflight/feeds"), alice.feedCache());
        XdgDirs plain = XdgDirs.ofInvokingUser(Map.of("HOME", "/root"), passwd);
        assertEquals(Path.of("/root/.config/preflight"), plain.config());
        XdgDirs unknown = XdgDirs.ofInvokingUser(Map.of("SUDO_USER", "bob", "HOME", "/root"), passwd);
        assertEquals(Path.of("/root/.config/preflight"), unknown.config());
        XdgDirs noPasswd = XdgDirs.ofInvokingUser(Map.of("SUDO_USER", "alice", "HOME", "/root"), dir.resolve("missing"));
        assertEquals(Path.of("/root/.config/preflight"), noPasswd.config());
    }
}
