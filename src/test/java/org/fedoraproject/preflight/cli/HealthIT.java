package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.adapter.system.SystemReader;
import org.fedoraproject.preflight.adapter.system.Target;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.testing.JournalFixture;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight health} on the real dnf4 test root (its real history: the mesa upgrade) with a
 * real journal made from export-format records: gnome-shell crashing with the new mesa-libGL in
 * it after the upgrade, and never before.
 */
class HealthIT {

    @TempDir
    Path dir;

    @Test
    void crashesAfterTheMesaUpgradeMakeItTheSuspectWithAWayBackAndAReport() throws Exception {
        Path root = TestRoots.dnf4Root();
        Transaction mesa = history(root).transactions().stream()
                .filter(t -> t.items().stream().anyMatch(i -> i.nevra().name().equals("mesa-libGL") && i.action() == PackageAction.UPGRADE))
                .findFirst().orElseThrow();
        String boot = "33333333333333333333333333333333";
        JournalFixture journal = new JournalFixture().entry(mesa.start().minusSeconds(5), boot,
                Map.of("MESSAGE_ID", JournalFixture.STARTUP_FINISHED), Map.of());
        for (int k = 1; k <= 3; k++) {
            journal.crash(mesa.start().plusSeconds(k), boot, "/usr/bin/gnome-shell", "gnome-shell", "49.1-1.fc43",
                    List.<String[]>of(new String[] {"/usr/lib64/libGL.so.1.7.0", "mesa-libGL", "25.1.4-1.fc43"}));
        }
        Path journalDir = journal.writeTo(dir.resolve("journal"));

        Processes.Result r = Processes.run(List.of("java", "-jar", Processes.jar().toString(), "health", "--json", "--root", root.toString(),
                "--journal", journalDir.toString()), null, Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("c").toString(),
                "XDG_CACHE_HOME", dir.resolve("k").toString()));

        assertEquals(1, r.exitCode(), r.stderr() + r.stdout());
        JsonObject health = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals("system", health.getAsJsonObject("journal").get("scope").getAsString());
        assertEquals(3, health.getAsJsonObject("journal").get("crashes").getAsInt());
        JsonObject suspect = health.getAsJsonArray("suspects").get(0).getAsJsonObject();
        assertEquals(1, health.getAsJsonArray("suspects").size(), health.toString());
        assertEquals("dnf4", suspect.getAsJsonObject("transaction").get("source").getAsString());
        assertEquals(mesa.id(), suspect.getAsJsonObject("transaction").get("id").getAsLong());
        assertEquals("mesa-libGL", suspect.get("package").getAsString());
        assertEquals("25.1.2-1.fc43", suspect.get("before").getAsString());
        assertEquals("25.1.4-1.fc43", suspect.get("after").getAsString());
        assertEquals(3, suspect.getAsJsonObject("evidence").get("crashes_after").getAsInt());
        assertEquals(0, suspect.getAsJsonObject("evidence").get("crashes_before").getAsInt());
        assertEquals("sudo dnf --installroot=" + root + " downgrade mesa-libGL-25.1.2-1.fc43.x86_64",
                suspect.getAsJsonArray("go_back").get(0).getAsJsonObject().get("command").getAsString());
        String report = suspect.getAsJsonObject("report").get("bugzilla").getAsString();
        assertTrue(report.startsWith("https://bugzilla.redhat.com/enter_bug.cgi?product=Fedora&version=43&component=mesa-libGL&"), report);
        assertTrue(!report.contains(dir.toString()) && !report.contains("%2Fhome%2F"), "no home path in the report: " + report);

        Processes.Result text = Processes.run(List.of("java", "-jar", Processes.jar().toString(), "health", "--root", root.toString(),
                "--journal", journalDir.toString()), null, Map.of("HOME", dir.toString()));
        assertTrue(text.stdout().contains("/usr/bin/gnome-shell crashed 3 times since"), text.stdout());
        assertTrue(text.stdout().contains("a suspect, not a proven cause"), text.stdout());
    }

    @Test
    void checkCarriesTheSameAsAHealthBlock() throws Exception {
        Processes.Result r = Processes.run(List.of("java", "-jar", Processes.jar().toString(), "check", "--json", "--offline", "--root",
                TestRoots.dnf4Root().toString()), null, Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("c").toString(),
                "XDG_CACHE_HOME", dir.resolve("k").toString()));
        JsonObject health = JsonParser.parseString(r.stdout()).getAsJsonObject().getAsJsonObject("health");
        assertEquals(30, health.get("days").getAsInt(), r.stdout());
        // The root has no journal of its own: nothing is read, nothing is suspected, and the check is not failed for it.
        assertEquals(0, health.getAsJsonObject("journal").get("crashes").getAsInt());
        assertEquals(0, health.getAsJsonArray("suspects").size());
    }

    @Test
    void aQuietJournalSaysNothingStandsOut() throws Exception {
        Path journalDir = new JournalFixture().entry(Instant.now().minusSeconds(60), "44444444444444444444444444444444",
                Map.of("MESSAGE_ID", JournalFixture.STARTUP_FINISHED), Map.of()).writeTo(dir.resolve("journal"));
        Processes.Result r = Processes.run(List.of("java", "-jar", Processes.jar().toString(), "health", "--root",
                TestRoots.dnf4Root().toString(), "--journal", journalDir.toString()), null, Map.of("HOME", dir.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("Nothing stands out"), r.stdout());
    }

    private static History history(Path root) {
        return new SystemReader(Target.of(root), Runnable::run, Clock.systemUTC()).readHistory();
    }
}
