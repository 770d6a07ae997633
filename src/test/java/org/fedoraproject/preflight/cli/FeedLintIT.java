package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fedoraproject.preflight.testing.EdgeFeed;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight feed lint} from the jar, and with {@code --against-repo} against the edge
 * roots' real repositories (createrepo_c's metadata, read by the host's real dnf).
 */
class FeedLintIT {

    @TempDir
    Path dir;

    @Test
    void aCleanFeedLintsOkAndADuplicateIdIsAProblem() throws Exception {
        Path feed = Files.write(dir.resolve("feed.json"), EdgeFeed.of("6.17.7-300.fc43", "25.1.6-1.fc43", "2026-11-21T00:00:00Z"));
        Processes.Result ok = Processes.preflight(null, "feed", "lint", feed.toString());
        assertEquals(0, ok.exitCode(), ok.stdout() + ok.stderr());
        assertTrue(ok.stdout().contains("OK, 5 incidents"), ok.stdout());
    }

    @Test
    void againstTheRepositoriesItFindsWhatWouldMakePreflightSayNothing() throws Exception {
        Tools.require("dnf-3");
        Path repos = TestRoots.dir().resolve("sid/srv/repos");
        Path feed = Files.write(dir.resolve("feed.json"), EdgeFeed.of("6.17.7-300.fc43", "25.1.6-1.fc43", "2026-11-21T00:00:00Z"));
        Processes.Result r = Processes.preflight(null, "feed", "lint", feed.toString(),
                "--against-repo", repos.resolve("edge-fedora").toString(), "--against-repo", repos.resolve("edge-updates").toString());
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("incidents[EDGE-GRUB].affected[grub2-efi-x64].introduced: grub2-efi-x64 has epoch 1 in the"
                + " repository, the range 0: write the epoch (1:2.12-32.fc43)"), r.stdout());
        assertTrue(r.stdout().contains("incidents[EDGE-SRC].affected[mesa].name: mesa is a source package in the repository (it"
                + " builds mesa-libGL), not a package users install"), r.stdout());
        assertTrue(!r.stdout().contains("EDGE-KERNEL") && !r.stdout().contains("EDGE-MESA]"), "those match: " + r.stdout());

        String wrong = new String(EdgeFeed.of("6.17.7-300.fc43", "25.1.6-1.fc43", "2026-11-21T00:00:00Z"))
                .replace("\"plasma-workspace\"", "\"plasma-workspaces\"").replace("\"6.17.6-300.fc43\"", "\"6.17.6-301.fc43\"");
        Path typo = Files.writeString(dir.resolve("typo.json"), wrong);
        Processes.Result t = Processes.preflight(null, "feed", "lint", typo.toString(),
                "--against-repo", "file://" + repos.resolve("edge-fedora"), "--against-repo", repos.resolve("edge-updates").toString());
        assertEquals(1, t.exitCode(), t.stdout() + t.stderr());
        assertTrue(t.stdout().contains("incidents[EDGE-KDE].affected[plasma-workspaces].name: the repository has no package and no"
                + " source package named plasma-workspaces"), t.stdout());
        assertTrue(t.stdout().contains("incidents[EDGE-KERNEL].affected[kernel-core]: none of the repository's versions of kernel-core"
                + " is in the range"), t.stdout());
    }

    @Test
    void aRepositoryThatCannotBeReadIsSaidWithExitTwo() throws Exception {
        Tools.require("dnf-3");
        Path feed = Files.write(dir.resolve("feed.json"), EdgeFeed.of("6.17.7-300.fc43", "25.1.6-1.fc43", "2026-11-21T00:00:00Z"));
        Processes.Result r = Processes.preflight(null, "feed", "lint", feed.toString(), "--against-repo", dir.resolve("nothing").toString());
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().startsWith("preflight feed lint: dnf-3 repoquery --repofrompath"), r.stderr());
    }
}
