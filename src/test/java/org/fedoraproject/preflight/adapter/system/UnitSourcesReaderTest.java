package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which package owns a failed unit: only unit files that are there are asked about, one rpm line each. */
class UnitSourcesReaderTest {

    @TempDir
    Path root;

    @Test
    void eachUnitFileThatIsThereIsAskedAndItsSourcePackageRead() throws Exception {
        Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        Files.createDirectories(root.resolve("etc/systemd/system"));
        Files.createDirectories(root.resolve("var/lib/rpm"));
        Files.writeString(root.resolve("var/lib/rpm/rpmdb.sqlite"), "");
        Files.writeString(root.resolve("usr/lib/systemd/system/gdm.service"), "[Unit]\n");
        Files.writeString(root.resolve("usr/lib/systemd/system/getty@.service"), "[Unit]\n");
        Files.writeString(root.resolve("etc/systemd/system/local.service"), "[Unit]\n");
        List<List<String>> asked = new ArrayList<>();
        // rpm -qf's own words: a source RPM for an owned file, "is not owned" for another (a missing one is never asked).
        CommandRunner rpm = (command, timeout) -> {
            asked.add(command);
            return new CommandResult(command, 1, "gdm-49.0-1.fc43.src.rpm\nsystemd-258-1.fc43.src.rpm\n"
                    + "file /etc/systemd/system/local.service is not owned by any package\n", "");
        };
        Map<String, String> sources = new UnitSourcesReader(new Target(root, root.toString(), rpm)).read(
                Set.of("gdm.service", "getty@tty1.service", "local.service", "gone.service", "no unit; rm -rf /")).get().orElseThrow();
        assertEquals(Map.of("gdm.service", "gdm", "getty@tty1.service", "systemd"), sources);
        assertEquals(1, asked.size());
        assertEquals(List.of("/usr/lib/systemd/system/gdm.service", "/usr/lib/systemd/system/getty@.service",
                "/etc/systemd/system/local.service"), asked.get(0).subList(asked.get(0).size() - 3, asked.get(0).size()));
    }
}
