package org.fedoraproject.preflight.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.Assessor;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Since;
import org.fedoraproject.preflight.assess.SinceLookup;
import org.fedoraproject.preflight.assess.SystemFacts;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.incident.Workaround;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.fedoraproject.preflight.testing.English;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static IncidentAssessment assess(List<String> installed, List<String> pending, AffectedPackage... affected) {
        Incident incident = new Incident("FPS-1", "Black screen", "", IncidentStatus.IDENTIFIED, Severity.MAJOR, T0, T0,
                Optional.empty(), List.of(), List.of(), List.of(), List.of(affected), List.of(), Fix.NONE,
                List.of(new Workaround("Use X11", List.of("Choose GNOME on Xorg."), List.of("echo $(id) `id`; rm -rf /"),
                        List.of("Choose GNOME again."))),
                List.of(), List.of());
        SystemFacts facts = new SystemFacts("43", "workstation", "x86_64",
                installed.stream().map(n -> new InstalledPackage(Nevra.parse(n), T0)).toList(),
                pending.stream().map(n -> new PendingUpdate(Nevra.parse(n), "updates", List.of())).toList(), SinceLookup.NONE);
        Assessment a = Assessor.assess(facts, List.of(new SourcedIncident(incident, "test", List.of())));
        return a.incidents().get(0);
    }

    static AffectedPackage mesa(String name, String fixed) {
        return new AffectedPackage(name, new VersionRange(Evr.parse("25.1.4-1.fc43"),
                Optional.ofNullable(fixed).map(Evr::parse)), Optional.of(Evr.parse("25.1.2-1.fc43")));
    }

    static Planner.Context dnf(PackageManager manager, Map<String, Set<Evr>> available) {
        return new Planner.Context(manager, Optional.empty(), available, List.of(), Set.of(), VersionLocks.NONE);
    }

    @Test
    void affectedGoesBackWithAllPackagesTogetherThenHolds() {
        IncidentAssessment a = assess(List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64", "mesa-libGL-25.1.4-1.fc43.x86_64"), List.of(),
                mesa("mesa-dri-drivers", null), mesa("mesa-libGL", null));
        Plan plan = Planner.plan(a, dnf(PackageManager.DNF5, Map.of("mesa-dri-drivers", Set.of(Evr.parse("25.1.2-1.fc43")),
                "mesa-libGL", Set.of(Evr.parse("25.1.2-1.fc43")))));
        assertEquals("sudo dnf5 downgrade mesa-dri-drivers-25.1.2-1.fc43.x86_64 mesa-libGL-25.1.2-1.fc43.x86_64",
                plan.steps().get(0).command().orElseThrow().display());
        assertEquals(List.of(new Check.InstalledAt("mesa-dri-drivers", "x86_64", Evr.parse("25.1.2-1.fc43")),
                new Check.InstalledAt("mesa-libGL", "x86_64", Evr.parse("25.1.2-1.fc43"))), plan.steps().get(0).checks());
        assertEquals("sudo dnf5 versionlock add mesa-dri-drivers mesa-libGL", plan.steps().get(1).command().orElseThrow().display());
        assertEquals(List.of(), plan.notes());
    }

    @Test
    void aTargetTheReposNoLongerHaveIsSaidWithTheWayThatWorks() {
        IncidentAssessment a = assess(List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64"), List.of(), mesa("mesa-dri-drivers", null));
        Plan plan = Planner.plan(a, dnf(PackageManager.DNF5, Map.of()));
        assertEquals("sudo dnf5 downgrade --enablerepo=updates-archive mesa-dri-drivers-25.1.2-1.fc43.x86_64",
                plan.steps().get(0).command().orElseThrow().display());
        assertTrue(English.of(plan.notes().get(0)).contains("updates-archive") && English.of(plan.notes().get(0)).contains("koji.fedoraproject.org"));
    }

    @Test
    void atRiskHoldsAndFixAvailableUpdatesThenReleases() {
        IncidentAssessment risk = assess(List.of("mesa-dri-drivers-25.1.2-1.fc43.x86_64"), List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64"),
                mesa("mesa-dri-drivers", "25.1.6-1.fc43"));
        Plan hold = Planner.plan(risk, dnf(PackageManager.DNF4, Map.of()));
        assertEquals("sudo dnf versionlock add mesa-dri-drivers", hold.steps().get(0).command().orElseThrow().display());
        assertTrue(English.of(hold.steps().get(0).why()).contains("python3-dnf-plugin-versionlock"));

        IncidentAssessment fix = assess(List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64"), List.of("mesa-dri-drivers-25.1.6-1.fc43.x86_64"),
                mesa("mesa-dri-drivers", "25.1.6-1.fc43"));
        Plan update = Planner.plan(fix, new Planner.Context(PackageManager.DNF5, Optional.of("/srv/root"), Map.of(), List.of(), Set.of(),
                VersionLocks.NONE));
        assertEquals("sudo dnf5 --installroot=/srv/root upgrade mesa-dri-drivers", update.steps().get(0).command().orElseThrow().display());
        assertEquals("sudo dnf5 --installroot=/srv/root versionlock delete mesa-dri-drivers",
                update.steps().get(1).command().orElseThrow().display());
        assertEquals("Undo the workaround: Use X11", English.of(update.steps().get(2).title()));
        assertEquals(List.of("Choose GNOME again."), update.steps().get(2).fromFeed());
    }

    @Test
    void theOtherUpdatesLeaveOutEveryUpdateOnHoldNotOnlyThisIncidents() {
        IncidentAssessment risk = assess(List.of("mesa-dri-drivers-25.1.2-1.fc43.x86_64"), List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64"),
                mesa("mesa-dri-drivers", "25.1.6-1.fc43"));
        // kernel-core's update is on hold for another incident.
        Plan plan = Planner.plan(risk, new Planner.Context(PackageManager.DNF5, Optional.empty(), Map.of(), List.of(),
                Set.of("kernel-core", "mesa-dri-drivers"), VersionLocks.NONE));
        Step rest = plan.steps().get(1);
        assertEquals("Install the other updates", English.of(rest.title()));
        assertEquals("sudo dnf5 upgrade --exclude=kernel-core --exclude=mesa-dri-drivers", rest.command().orElseThrow().display());
        Plan alone = Planner.plan(risk, dnf(PackageManager.DNF4, Map.of()));
        assertEquals("sudo dnf upgrade --exclude=mesa-dri-drivers", alone.steps().get(1).command().orElseThrow().display(),
                "this incident's own held package too, even when the context names none");
    }

    @Test
    void aMultilibPackageGoesBackInEveryInstalledArch() {
        IncidentAssessment a = assess(List.of("mesa-libGL-25.1.4-1.fc43.x86_64", "mesa-libGL-25.1.4-1.fc43.i686"), List.of(),
                mesa("mesa-libGL", null));
        Plan plan = Planner.plan(a, dnf(PackageManager.DNF4, Map.of("mesa-libGL", Set.of(Evr.parse("25.1.2-1.fc43")))));
        Step back = plan.steps().get(0);
        assertEquals("sudo dnf downgrade mesa-libGL-25.1.2-1.fc43.i686 mesa-libGL-25.1.2-1.fc43.x86_64",
                back.command().orElseThrow().display());
        assertEquals(List.of(), plan.notes());
        // Done only when both arches are back: the 32-bit build left behind is named.
        List<InstalledPackage> half = List.of(new InstalledPackage(Nevra.parse("mesa-libGL-25.1.2-1.fc43.x86_64"), T0),
                new InstalledPackage(Nevra.parse("mesa-libGL-25.1.4-1.fc43.i686"), T0));
        StepStatus status = StepStatus.of(back, Observed.of(half));
        assertEquals(false, status.done());
        assertEquals(List.of("mesa-libGL.i686 is at 25.1.4-1.fc43, not 25.1.2-1.fc43"), English.of(status.stillDifferent()));
    }

    static IncidentAssessment affectedSince(Transaction t, String... installed) {
        Incident incident = new Incident("FPS-1", "Black screen", "", IncidentStatus.IDENTIFIED, Severity.MAJOR, T0, T0,
                Optional.empty(), List.of(), List.of(), List.of(), List.of(mesa("mesa-dri-drivers", null)), List.of(), Fix.NONE,
                List.of(), List.of(), List.of());
        SystemFacts facts = new SystemFacts("43", "workstation", "x86_64",
                Arrays.stream(installed).map(n -> new InstalledPackage(Nevra.parse(n), T0)).toList(), List.of(),
                SinceLookup.of(List.of(t)));
        return Assessor.assess(facts, List.of(new SourcedIncident(incident, "test", List.of()))).incidents().get(0);
    }

    static Transaction transaction(long id, TransactionItem... items) {
        return new Transaction(HistorySource.DNF5, id, T0,
                Optional.of(T0), 0, "test", "ok", "43", List.of(items));
    }

    static TransactionItem item(String nevra, PackageAction action,
                                                                    String... replaced) {
        return new TransactionItem(Nevra.parse(nevra), action, "user", "updates",
                Arrays.stream(replaced).map(Nevra::parse).toList());
    }

    @Test
    void historyUndoIsOfferedOnlyWhenItPutsBackTheLastGoodVersion() {
        Map<String, Set<Evr>> available = Map.of("mesa-dri-drivers", Set.of(Evr.parse("25.1.2-1.fc43")));
        String bad = "mesa-dri-drivers-25.1.4-1.fc43.x86_64";
        // The upgrade from the last good version: undoing it is the same as the downgrade.
        IncidentAssessment upgrade = affectedSince(transaction(7, item(bad, PackageAction.UPGRADE,
                "mesa-dri-drivers-25.1.2-1.fc43.x86_64")), bad);
        List<ShellCommand> commands = Planner.plan(upgrade, dnf(PackageManager.DNF5, available)).steps().get(0).commands();
        assertEquals("sudo dnf5 history undo 7", commands.get(1).display());
        // An upgrade from another version than the last good one: an undo would go there instead.
        IncidentAssessment other = affectedSince(transaction(8, item(bad, PackageAction.UPGRADE,
                "mesa-dri-drivers-25.1.3-1.fc43.x86_64")), bad);
        assertEquals(1, Planner.plan(other, dnf(PackageManager.DNF5, available)).steps().get(0).commands().size());
        // A fresh install: an undo would remove the package.
        IncidentAssessment fresh = affectedSince(transaction(9, item(bad, PackageAction.INSTALL)), bad);
        assertEquals(1, Planner.plan(fresh, dnf(PackageManager.DNF5, available)).steps().get(0).commands().size());
    }

    @Test
    void aReinstallIsNotWhereTheVersionCameFrom() {
        String bad = "mesa-dri-drivers-25.1.4-1.fc43.x86_64";
        Transaction upgrade = transaction(3, item(bad,
                PackageAction.UPGRADE, "mesa-dri-drivers-25.1.2-1.fc43.x86_64"));
        Transaction reinstall = transaction(5, item(bad,
                PackageAction.REINSTALL, bad));
        Map<Nevra, Since> since = SinceLookup.of(List.of(reinstall, upgrade))
                .find(Set.of(Nevra.parse(bad)));
        assertEquals(3, since.get(Nevra.parse(bad)).transaction());
        // Found only in a reinstall (the history before it is gone): no transaction is named, no undo offered.
        Map<Nevra, Since> only = SinceLookup.of(List.of(reinstall)).find(Set.of(Nevra.parse(bad)));
        assertEquals(Map.of(), only);
        IncidentAssessment a = affectedSince(reinstall, bad);
        assertEquals(1, Planner.plan(a, dnf(PackageManager.DNF5, Map.of("mesa-dri-drivers", Set.of(Evr.parse("25.1.2-1.fc43")))))
                .steps().get(0).commands().size(), "never undo a reinstall");
    }

    @Test
    void aLockOnTheAffectedVersionIsDeletedFirstThenTheHiddenFixIsInstalled() {
        IncidentAssessment a = assess(List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64"), List.of(),
                mesa("mesa-dri-drivers", "25.1.6-1.fc43"));
        assertEquals("affected", a.relation().id(), "the lock hides 25.1.6 from check-upgrade: nothing pending");
        VersionLocks locked = new VersionLocks(VersionLocks.Flavour.DNF5, List.of(new VersionLocks.Entry("mesa-dri-drivers",
                List.of(new VersionLocks.Condition("evr", "=", "0:25.1.4-1.fc43")), false, "mesa-dri-drivers")));
        Map<String, Set<Evr>> repos = Map.of("mesa-dri-drivers", Set.of(Evr.parse("25.1.2-1.fc43"), Evr.parse("25.1.6-1.fc43")));
        Plan plan = Planner.plan(a, new Planner.Context(PackageManager.DNF5, Optional.empty(), repos, List.of(), Set.of(), locked));
        assertEquals("sudo dnf5 versionlock delete mesa-dri-drivers", plan.steps().get(0).command().orElseThrow().display());
        assertEquals("sudo dnf5 upgrade mesa-dri-drivers", plan.steps().get(1).command().orElseThrow().display());
        assertEquals(false, StepStatus.of(plan.steps().get(0), new Observed(List.of(), locked, List.of(), Boot.UNKNOWN)).done());
        assertEquals(true, StepStatus.of(plan.steps().get(0), Observed.of(List.of())).done());
        // No fix in the repositories yet: delete the lock, then go back and hold the good version.
        Plan back = Planner.plan(a, new Planner.Context(PackageManager.DNF5, Optional.empty(),
                Map.of("mesa-dri-drivers", Set.of(Evr.parse("25.1.2-1.fc43"))), List.of(), Set.of(), locked));
        assertEquals(List.of("Delete the versionlock entry that keeps the affected version", "Go back to the last good version",
                "Hold mesa-dri-drivers"), back.steps().stream().map(s -> English.of(s.title())).limit(3).toList());
    }

    @Test
    void feedCommandsAreShownVerbatimAndNeverBecomeCommands() {
        IncidentAssessment a = assess(List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64"), List.of(), mesa("mesa-dri-drivers", null));
        Plan plan = Planner.plan(a, dnf(PackageManager.DNF5, Map.of()));
        Step workaround = plan.steps().get(plan.steps().size() - 1);
        assertEquals(List.of(), workaround.commands());
        assertTrue(workaround.fromFeed().contains("echo $(id) `id`; rm -rf /"));
        for (Step s : plan.steps()) {
            for (ShellCommand c : s.commands()) {
                assertTrue(c.argv().stream().noneMatch(arg -> arg.contains("$") || arg.contains("`") || arg.contains(";")), c.display());
            }
        }
    }

    @Test
    void atomicDesktopsPinOrRollBack() {
        IncidentAssessment risk = assess(List.of("mesa-dri-drivers-25.1.2-1.fc43.x86_64"), List.of("mesa-dri-drivers-25.1.4-1.fc43.x86_64"),
                mesa("mesa-dri-drivers", null));
        Plan pin = Planner.plan(risk, new Planner.Context(PackageManager.RPM_OSTREE, Optional.empty(), Map.of(), List.of(
                new Deployment("a", "aaaa", "43.1", T0, false, true, false, List.of(), List.of()),
                new Deployment("b", "bbbb", "43.0", T0, true, false, false, List.of(), List.of())),
                Set.of(), VersionLocks.NONE));
        assertEquals("sudo ostree admin pin 1", pin.steps().get(0).command().orElseThrow().display());
        Deployment booted =
                new Deployment("b", "bbbb", "43.0", T0, true, false, false, List.of(), List.of());
        Deployment pinned =
                new Deployment("b", "bbbb", "43.0", T0, true, false, true, List.of(), List.of());
        assertEquals(List.of("deployment bbbb is not pinned"),
                English.of(StepStatus.of(pin.steps().get(0), new Observed(List.of(), VersionLocks.NONE, List.of(booted), Boot.UNKNOWN))
                        .stillDifferent()));
        assertTrue(StepStatus.of(pin.steps().get(0), new Observed(List.of(), VersionLocks.NONE, List.of(pinned), Boot.UNKNOWN)).done());
    }

    @Test
    void argumentsAreQuotedForTheShell() {
        assertEquals("mesa-dri-drivers-25.1.2-1.fc43", ShellCommand.quote("mesa-dri-drivers-25.1.2-1.fc43"));
        assertEquals("'--installroot=/srv/a b'", ShellCommand.quote("--installroot=/srv/a b"));
        assertEquals("'it'\\''s'", ShellCommand.quote("it's"));
        assertEquals("'$(id)'", ShellCommand.quote("$(id)"));
        assertEquals("'a;b'", ShellCommand.quote("a;b"));
        assertEquals("''", ShellCommand.quote(""));
    }

    @Test
    void controlCharactersNeverEnterACommand() {
        assertThrows(IllegalArgumentException.class, () -> ShellCommand.asRoot("dnf", "downgrade", "mesa\n; rm -rf /"));
    }

    /** ostree 2023.4 on F38 (a replayed incident): ostree-libs is built from the source package ostree. */
    static IncidentAssessment ostreeLibs() {
        Incident incident = new Incident("FPS-OSTREE", "Updates fail", "", IncidentStatus.IDENTIFIED, Severity.MAJOR, T0, T0,
                Optional.empty(), List.of(), List.of(), List.of(), List.of(new AffectedPackage("ostree-libs",
                new VersionRange(Evr.parse("2023.4-1.fc38"), Optional.empty()), Optional.of(Evr.parse("2023.3-3.fc38")))),
                List.of(), Fix.NONE, List.of(), List.of(), List.of());
        SystemFacts facts = new SystemFacts("38", "silverblue", "x86_64", List.of(new InstalledPackage(
                Nevra.parse("ostree-libs-2023.4-1.fc38.x86_64"), T0, "ostree")), List.of(), SinceLookup.NONE);
        return Assessor.assess(facts, List.of(new SourcedIncident(incident, "test", List.of()))).incidents().get(0);
    }

    @Test
    void kojiKnowsBuildsByTheirSourcePackage() {
        Plan plan = Planner.plan(ostreeLibs(), dnf(PackageManager.DNF4, Map.of()));
        String note = English.of(plan.notes().get(0));
        assertTrue(note.contains("terms=ostree-2023.3-3.fc38"), "the source build, not the subpackage: " + note);
        assertTrue(!note.contains("terms=ostree-libs"), note);
    }

    @Test
    void rpmOstreeReplacesWithTheBuildsRpmsFromKoji() {
        Plan plan = Planner.plan(ostreeLibs(), dnf(PackageManager.RPM_OSTREE, Map.of()));
        assertEquals("sudo rpm-ostree override replace https://kojipkgs.fedoraproject.org/packages/ostree/2023.3/3.fc38/x86_64/"
                + "ostree-libs-2023.3-3.fc38.x86_64.rpm", plan.steps().get(0).command().orElseThrow().display(),
                "an RPM rpm-ostree can fetch, under the source package's build (Koji's search page is no package)");
    }
}
