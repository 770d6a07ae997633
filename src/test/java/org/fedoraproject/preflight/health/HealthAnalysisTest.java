package org.fedoraproject.preflight.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.junit.jupiter.api.Test;

/** The suspect rule and its edges, on values. */
class HealthAnalysisTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = T.plus(Duration.ofDays(10));
    private static final Map<String, String> SOURCE = Map.of("mesa-libGL", "mesa", "mesa-dri-drivers", "mesa");

    private static Transaction upgrade(long id, Instant at, String name, String from, String to) {
        return new Transaction(HistorySource.DNF5, id, at, Optional.of(at.plusSeconds(30)), 1000, "dnf5 upgrade", "ok", "43",
                List.of(new TransactionItem(Nevra.parse(name + "-" + to + ".x86_64"), PackageAction.UPGRADE, "user", "updates",
                        List.of(Nevra.parse(name + "-" + from + ".x86_64")))));
    }

    private static Crash shell(Instant at, String mesa) {
        return new Crash(at, "/usr/bin/gnome-shell", Optional.of(new Module("gnome-shell", "49.1-1.fc43")),
                List.of(new Module("mesa", mesa), new Module("glibc", "2.42-1.fc43")), "", 11, "b1");
    }

    private static HealthReport analyze(List<Transaction> history, List<Crash> crashes, List<Incident> incidents) {
        return HealthAnalysis.analyze(history, SOURCE, new Evidence(crashes, List.of(), List.of(), Evidence.Scope.SYSTEM), incidents,
                NOW, 30);
    }

    private static final List<Transaction> MESA = List.of(upgrade(42, T, "mesa-libGL", "25.1.2-1.fc43", "25.1.4-1.fc43"));

    @Test
    void repeatedCrashesAfterAndNoneBeforeMakeTheTransactionASuspect() {
        HealthReport r = analyze(MESA, List.of(shell(T.plus(Duration.ofHours(2)), "25.1.4-1.fc43"),
                shell(T.plus(Duration.ofDays(1)), "25.1.4-1.fc43"), shell(T.plus(Duration.ofDays(3)), "25.1.4-1.fc43")), List.of());
        Suspect s = r.suspects().get(0);
        assertEquals(42, s.transaction().id());
        assertEquals("mesa", s.source());
        assertEquals("25.1.2-1.fc43", s.before());
        assertEquals("25.1.4-1.fc43", s.after());
        assertEquals(0, s.crashesBefore());
        assertEquals(3, s.crashesAfter());
        assertEquals(List.of("/usr/bin/gnome-shell"), s.executables());
        // glibc was in the crashing processes too, but no transaction changed it.
        assertEquals(1, r.suspects().size());
    }

    @Test
    void transactionsOfTheSameSecondAreTakenInTheirOrderAndANewInstallIsNoSuspect() {
        Transaction install = new Transaction(HistorySource.DNF4, 1, T, Optional.of(T), 1000, "install", "ok", "43",
                List.of(new TransactionItem(Nevra.parse("mesa-libGL-25.1.2-1.fc43.x86_64"), PackageAction.INSTALL, "user", "fedora",
                        List.of())));
        Transaction upgrade = new Transaction(HistorySource.DNF4, 2, T, Optional.of(T), 1000, "upgrade", "ok", "43",
                MESA.get(0).items());
        // History lists the newest first: the upgrade before the install of the same second.
        HealthReport r = analyze(List.of(upgrade, install), List.of(shell(T.plusSeconds(1), "25.1.4-1.fc43"),
                shell(T.plusSeconds(2), "25.1.4-1.fc43")), List.of());
        assertEquals(List.of(2L), r.suspects().stream().map(s -> s.transaction().id()).toList());
    }

    @Test
    void unitsOfThePackageThatFailAfterTheChangeCountAsItsEvidence() {
        List<UnitFailure> failures = List.of(new UnitFailure(T.plus(Duration.ofHours(1)), "mesa-helper.service", "exit-code", "b1", "mesa"),
                new UnitFailure(T.plus(Duration.ofDays(2)), "mesa-helper.service", "exit-code", "b1", "mesa"),
                new UnitFailure(T.plus(Duration.ofDays(2)), "other.service", "exit-code", "b1", "other"));
        HealthReport r = HealthAnalysis.analyze(MESA, SOURCE, new Evidence(List.of(), failures, List.of(), Evidence.Scope.SYSTEM),
                List.of(), NOW, 30);
        Suspect s = r.suspects().get(0);
        assertEquals(List.of("mesa-helper.service"), s.units());
        assertEquals(2, s.unitFailuresAfter());
        assertEquals(0, s.crashesAfter());
        assertTrue(s.unitsOnly());
        assertEquals(1, r.suspects().size(), "other.service's package did not change");
    }

    @Test
    void oneCrashIsNoSuspect() {
        assertEquals(List.of(), analyze(MESA, List.of(shell(T.plus(Duration.ofHours(2)), "25.1.4-1.fc43")), List.of()).suspects());
    }

    @Test
    void aPackageThatCrashedAsOftenBeforeIsNoSuspect() {
        List<Crash> crashes = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            crashes.add(shell(T.minus(Duration.ofDays(d)), "25.1.2-1.fc43"));
            crashes.add(shell(T.plus(Duration.ofDays(d)), "25.1.4-1.fc43"));
        }
        assertEquals(List.of(), analyze(MESA, crashes, List.of()).suspects());
    }

    @Test
    void aRateThreeTimesAsHighIsASuspectEvenWithCrashesBefore() {
        List<Crash> crashes = new ArrayList<>(List.of(shell(T.minus(Duration.ofDays(2)), "25.1.2-1.fc43")));
        for (int h = 1; h <= 3; h++) {
            crashes.add(shell(T.plus(Duration.ofHours(h * 20)), "25.1.4-1.fc43"));
        }
        assertEquals(1, analyze(MESA, crashes, List.of()).suspects().size());
        assertTrue(HealthAnalysis.suspect(1, 10, 3, 10));
        assertFalse(HealthAnalysis.suspect(1, 10, 2, 10));
    }

    @Test
    void crashesOfAnotherVersionOrAfterTheNextChangeAreNotTheTransactions() {
        List<Transaction> twice = List.of(MESA.get(0), upgrade(43, T.plus(Duration.ofDays(1)), "mesa-libGL", "25.1.4-1.fc43",
                "25.1.6-1.fc43"));
        // One crash with 25.1.4 (before 43, after 42); four with 25.1.6 after 43: four times the rate before it.
        List<Crash> crashes = List.of(shell(T.plus(Duration.ofHours(2)), "25.1.4-1.fc43"), shell(T.plus(Duration.ofDays(2)),
                "25.1.6-1.fc43"), shell(T.plus(Duration.ofDays(3)), "25.1.6-1.fc43"), shell(T.plus(Duration.ofDays(4)), "25.1.6-1.fc43"),
                shell(T.plus(Duration.ofDays(5)), "25.1.6-1.fc43"));
        HealthReport r = analyze(twice, crashes, List.of());
        assertEquals(1, r.suspects().size(), r.suspects().toString());
        assertEquals(43, r.suspects().get(0).transaction().id());
    }

    @Test
    void aCrashOfAVersionAnIncidentListsSaysTheIncidentShowsHere() {
        Incident incident = new Incident("FPS-2026-0042", "Black screen", "", IncidentStatus.IDENTIFIED, Severity.MAJOR, T, T,
                Optional.empty(), List.of("43"), List.of(), List.of(), List.of(new AffectedPackage("mesa-libGL",
                VersionRange.from(Evr.parse("25.1.4-1.fc43")), Optional.of(Evr.parse("25.1.2-1.fc43")), Optional.of("mesa"))),
                List.of(), Fix.NONE, List.of(), List.of(), List.of());
        HealthReport r = analyze(MESA, List.of(shell(T.plus(Duration.ofHours(2)), "25.1.4-1.fc43"),
                shell(T.minus(Duration.ofDays(2)), "25.1.2-1.fc43")), List.of(incident));
        assertEquals(List.of(new HealthReport.IncidentShown("FPS-2026-0042", 1, List.of("/usr/bin/gnome-shell"))), r.incidents());
    }

    @Test
    void aBootThatNeverStartedAfterAKernelTransactionIsNamed() {
        Transaction kernel = new Transaction(HistorySource.DNF5, 50, T, Optional.of(T.plusSeconds(60)), 1000, "dnf5 upgrade", "ok", "43",
                List.of(new TransactionItem(Nevra.parse("kernel-core-6.17.7-300.fc43.x86_64"), PackageAction.INSTALL, "dependency",
                        "updates", List.of())));
        List<BootSpan> boots = List.of(new BootSpan("b0", T.minus(Duration.ofDays(1)), T.plusSeconds(600), true),
                new BootSpan("b1", T.plusSeconds(700), T.plusSeconds(760), false),
                new BootSpan("b2", T.plusSeconds(900), T.plus(Duration.ofDays(1)), true));
        HealthReport r = HealthAnalysis.analyze(List.of(kernel), Map.of(), new Evidence(List.of(), List.of(), boots,
                Evidence.Scope.SYSTEM), List.of(), NOW, 30);
        assertEquals(1, r.failedBoots().size());
        assertEquals("b1", r.failedBoots().get(0).boot().id());
        assertEquals("6.17.7-300.fc43.x86_64", r.failedBoots().get(0).kernel());
    }
}
