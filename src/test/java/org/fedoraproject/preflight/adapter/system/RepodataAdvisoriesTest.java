package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dnf's cache as dnf leaves it: one directory per repository, repomd.xml naming a compressed updateinfo. */
class RepodataAdvisoriesTest {

    static final List<InstalledPackage> INSTALLED = List.of(
            new InstalledPackage(Nevra.parse("mesa-libGL-25.1.4-1.fc43.x86_64"), Instant.EPOCH, "mesa"),
            new InstalledPackage(Nevra.parse("htop-3.4.1-1.fc43.x86_64"), Instant.EPOCH, "htop"));
    static final List<PendingUpdate> PENDING = List.of(
            new PendingUpdate(Nevra.parse("mesa-libGL-25.1.6-1.fc43.x86_64"), "updates", List.of()));

    static final String XML = "<updates>"
            + UpdateinfoXmlTest.update("FEDORA-2026-5d1e2f3a4b", "bugfix", "<issued date=\"2026-11-20 10:11:12\"/>", "", "",
                    UpdateinfoXmlTest.pkg("mesa-libGL", "0", "25.1.6", "1.fc43", "x86_64"))
            + UpdateinfoXmlTest.update("FEDORA-2026-0e1d2c3b4a", "bugfix", "", "", "",
                    UpdateinfoXmlTest.pkg("mesa-libGL", "0", "25.1.5", "1.fc43", "x86_64"))
            + UpdateinfoXmlTest.update("FEDORA-2026-0000000003", "bugfix", "", "", "",
                    UpdateinfoXmlTest.pkg("mesa-libGL", "0", "25.1.3", "1.fc43", "x86_64")
                            + UpdateinfoXmlTest.pkg("mesa-libGL", "0", "25.1.6", "1.fc43", "i686"))
            + UpdateinfoXmlTest.update("FEDORA-2026-0000000004", "bugfix", "", "", "",
                    UpdateinfoXmlTest.pkg("htop", "0", "3.4.2", "1.fc43", "x86_64"))
            + "</updates>";

    /** A repository directory as dnf keeps it, its updateinfo compressed by the real tool (or none: plain). */
    static Path repo(Path cache, String dir, String xml, String tool) throws Exception {
        Path repodata = Files.createDirectories(cache.resolve(dir).resolve("repodata"));
        Path plain = Files.writeString(repodata.resolve("0123-updateinfo.xml"), xml);
        String name = plain.getFileName().toString();
        if (!tool.isEmpty()) {
            Tools.require(tool);
            Processes.Result r = Processes.run(List.of(tool, "-q", plain.toString()), null, Map.of());
            assertEquals(0, r.exitCode(), r.stderr());
            name += tool.equals("gzip") ? ".gz" : tool.equals("xz") ? ".xz" : ".zst";
            Files.deleteIfExists(plain);
        }
        Files.writeString(repodata.resolve("repomd.xml"), "<repomd><data type=\"primary\"><location href=\"repodata/p.xml.gz\"/></data>"
                + "<data type=\"updateinfo\">\n  <checksum type=\"sha256\">0</checksum>\n"
                + "  <location href=\"repodata/" + name + "\"/>\n</data></repomd>");
        return cache.resolve(dir);
    }

    static Optional<List<Advisory>> read(Path cache) {
        return new RepodataAdvisories(cache, Optional.empty()).read(INSTALLED, PENDING);
    }

    @Test
    void readsEachCompressionDnfMeetsWithDnfsRule(@TempDir Path dir) throws Exception {
        for (String tool : List.of("zstd", "xz", "gzip", "")) {
            Path cache = dir.resolve("cache-" + tool);
            repo(cache, "updates-0123456789abcdef", XML, tool);
            List<Advisory> read = read(cache).orElseThrow(() -> new AssertionError(tool));
            // 25.1.6 and 25.1.5 are newer than the installed 25.1.4; 25.1.3 is older and the i686 build is
            // not installed; htop has no update, so its advisory is not of the updates.
            assertEquals(List.of("FEDORA-2026-5d1e2f3a4b", "FEDORA-2026-0e1d2c3b4a"), read.stream().map(Advisory::id).toList(), tool);
        }
    }

    @Test
    void readsTheDirectoryDnfLastRefreshedOfTheRepositoriesThatOfferAnUpdate(@TempDir Path cache) throws Exception {
        Path old = repo(cache, "updates-00000000000000aa", XML.replace("5d1e2f3a4b", "0ld0ld0ld0"), "gzip");
        Files.setLastModifiedTime(old.resolve("repodata/repomd.xml"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        repo(cache, "updates-00000000000000bb", XML, "gzip");
        repo(cache, "updates-testing-00000000000000cc", XML.replace("5d1e2f3a4b", "7e57ed7e57"), "gzip");
        repo(cache, "_dnf_local-00000000000000dd", XML.replace("5d1e2f3a4b", "10ca110ca1"), "gzip");
        List<Advisory> read = read(cache).orElseThrow();
        assertEquals(List.of("FEDORA-2026-5d1e2f3a4b", "FEDORA-2026-0e1d2c3b4a"), read.stream().map(Advisory::id).toList());
    }

    @Test
    void aRepositoryWithoutUpdateinfoHasNoAdvisories(@TempDir Path cache) throws Exception {
        Path repodata = Files.createDirectories(cache.resolve("updates-0123456789abcdef/repodata"));
        Files.writeString(repodata.resolve("repomd.xml"), "<repomd><data type=\"primary\"><location href=\"repodata/p.xml.gz\"/></data></repomd>");
        assertEquals(Optional.of(List.of()), read(cache));
    }

    @Test
    void whatCannotBeReadExactlyIsLeftToDnf(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), read(dir.resolve("no-cache")), "no cache");
        Path other = dir.resolve("other");
        repo(other, "fedora-0123456789abcdef", XML, "gzip");
        assertEquals(Optional.empty(), read(other), "the pending repository is not in this cache");

        Path escaping = dir.resolve("escaping");
        Path repo = repo(escaping, "updates-0123456789abcdef", XML, "gzip");
        Files.writeString(repo.resolve("repodata/repomd.xml"),
                "<repomd><data type=\"updateinfo\"><location href=\"../../../../etc/passwd\"/></data></repomd>");
        assertEquals(Optional.empty(), read(escaping), "a location outside the repository");

        Path missing = dir.resolve("missing");
        repo = repo(missing, "updates-0123456789abcdef", XML, "gzip");
        Files.delete(repo.resolve("repodata/0123-updateinfo.xml.gz"));
        assertEquals(Optional.empty(), read(missing), "named but not cached");

        Path zchunk = dir.resolve("zchunk");
        repo = repo(zchunk, "updates-0123456789abcdef", XML, "gzip");
        Files.move(repo.resolve("repodata/0123-updateinfo.xml.gz"), repo.resolve("repodata/0123-updateinfo.xml.zck"));
        Files.writeString(repo.resolve("repodata/repomd.xml"), Files.readString(repo.resolve("repodata/repomd.xml")).replace(".gz", ".zck"));
        assertEquals(Optional.empty(), read(zchunk), "a compression not read here");

        Path corrupt = dir.resolve("corrupt");
        repo = repo(corrupt, "updates-0123456789abcdef", XML, "gzip");
        Files.write(repo.resolve("repodata/0123-updateinfo.xml.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertEquals(Optional.empty(), read(corrupt), "a truncated file");

        Path user = dir.resolve("user");
        repo(user, "updates-0123456789abcdef", XML, "gzip");
        Path system = dir.resolve("system");
        repo(system, "updates-0123456789abcdef", XML, "gzip");
        assertEquals(Optional.empty(), new RepodataAdvisories(system, Optional.of(user)).read(INSTALLED, PENDING),
                "dnf5 may read the user's own cache");
        assertTrue(new RepodataAdvisories(system, Optional.of(dir.resolve("empty"))).read(INSTALLED, PENDING).isPresent());
    }

    @Test
    void aDecompressionBombIsCutOff(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.xml.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(big))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 4; i++) {
                out.write(zeros);
            }
        }
        IOException e = Assertions.assertThrows(IOException.class, () -> {
            try (var in = Decompressed.open(big, 1 << 20)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }
}
