package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.StagedDeployment;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;

/**
 * rpm-ostree does not run on Debian, so its answers are recorded outputs in its real shapes
 * (status --json, db diff --format=json), replayed by command.
 */
class RpmOstreeReaderTest {

    private final List<List<String>> asked = new ArrayList<>();

    private Target atomic(String status, String diff, int diffExit) {
        CommandRunner recorded = (command, timeout) -> {
            asked.add(command);
            if (command.equals(List.of("rpm-ostree", "status", "--json"))) {
                return new CommandResult(command, 0, status, "");
            }
            if (command.subList(0, 3).equals(List.of("rpm-ostree", "db", "diff"))) {
                return new CommandResult(command, diffExit, diff, diffExit == 0 ? "" : "error: commit not found");
            }
            throw new CommandFailedException(command.get(0) + " is not installed or cannot be run");
        };
        return new Target(Path.of("/nonexistent"), "/", recorded);
    }

    /** The Silverblue status, each deployment's db diff bringing mesa-dri-drivers 25.1.4. */
    private RpmOstreeReader.Result mesaDiffed() throws Exception {
        String status = UpdateListParserTest.fixture("rpm-ostree-status-silverblue-43.json");
        String diff = "{\"pkgdiff\": [[\"mesa-dri-drivers\", 2, {\"PreviousPackage\": [\"mesa-dri-drivers\", \"25.1.2-1.fc43\", \"x86_64\"],"
                + " \"NewPackage\": [\"mesa-dri-drivers\", \"25.1.4-1.fc43\", \"x86_64\"]}]], \"advisories\": []}";
        return new RpmOstreeReader(atomic(status, diff, 0)).read();
    }

    @Test
    void deploymentsBecomeTheHistoryOldestToNewestDiffed() throws Exception {
        RpmOstreeReader.Result result = mesaDiffed();
        List<Transaction> history = result.history().transactions();
        assertEquals(3, history.size());
        assertEquals(List.of("staged", "booted", "rollback"), history.stream().map(Transaction::status).toList());
        assertTrue(history.stream().allMatch(t -> t.source() == HistorySource.RPM_OSTREE));
        assertEquals(List.of(), history.get(2).items(), "the oldest deployment has nothing to compare with");
        assertEquals("mesa-dri-drivers-25.1.4-1.fc43.x86_64", history.get(1).items().get(0).nevra().toString());
        assertEquals(3, result.pending().get().orElseThrow().updates().size());
        // db diff from the rollback (oldest) to the booted deployment, then booted to staged.
        assertEquals("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80", asked.get(1).get(4));
        assertEquals("9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c", asked.get(1).get(5));
    }

    @Test
    void theStagedDeploymentIsWhatIsPreparedForTheNextBoot() throws Exception {
        RpmOstreeReader.Result result = mesaDiffed();
        assertEquals(List.of(Nevra.parse("mesa-dri-drivers-25.1.4-1.fc43.x86_64")),
                StagedDeployment.packages(result.history()));
        var prepared = StagedDeployment.asPrepared(result.history());
        assertEquals("rpm-ostree", prepared.via());
        assertTrue(prepared.triggered(), "a staged deployment boots at the next restart");
    }

    @Test
    void aRefreshOnAnAtomicDesktopAsksRpmOstreeForANewImage() {
        List<List<String>> ran = new ArrayList<>();
        for (int exit : new int[] {0, 77, 1}) {
            Target t = new Target(Path.of("/nonexistent"), "/", (command, timeout) -> {
                ran.add(command);
                return new CommandResult(command, exit, "", exit == 1 ? "error: Authorization required" : "");
            });
            Instant now = Instant.parse("2026-12-06T10:00:00Z");
            Reading<Instant> r = new DnfRefresher(t, PackageManager.RPM_OSTREE,
                    Clock.fixed(now, ZoneOffset.UTC)).refresh();
            assertEquals(exit != 1, r.get().isPresent(), "exit " + exit + ": 0 an update, 77 none, else a failure said");
            r.get().ifPresent(at -> assertEquals(now, at, "as of the check's clock"));
        }
        assertEquals(List.of("rpm-ostree", "upgrade", "--check"), ran.get(0));
    }

    @Test
    void aFailingDiffIsAProblemTheDeploymentsStay() throws Exception {
        String status = UpdateListParserTest.fixture("rpm-ostree-status-silverblue-43.json");
        RpmOstreeReader.Result result = new RpmOstreeReader(atomic(status, "", 1)).read();
        assertEquals(3, result.history().transactions().size());
        assertEquals(2, result.history().problems().size());
        assertTrue(result.history().problems().get(0).message().contains("commit not found"));
    }

    @Test
    void withoutRpmOstreeEverythingSaysWhy() {
        RpmOstreeReader.Result result = new RpmOstreeReader(new Target(Path.of("/"), "/", (c, t) -> {
            throw new CommandFailedException("rpm-ostree is not installed or cannot be run");
        })).read();
        assertTrue(result.pending() instanceof Reading.Unavailable);
        assertEquals(1, result.history().problems().size());
        assertEquals(List.of(), result.deployments());
    }
}
