package org.fedoraproject.preflight.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.assess.Assessor;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.SinceLookup;
import org.fedoraproject.preflight.assess.SystemFacts;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.fedoraproject.preflight.testing.English;
import org.junit.jupiter.api.Test;

/** The kernel guide: never a downgrade, never a lock on the name, done only when the system shows it. */
class KernelPlannerTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Set<String> INSTALLONLY = Set.of("kernel", "kernel-core", "kernel-modules", "kernel-modules-core");

    static List<InstalledPackage> installed(String... nevras) {
        return Arrays.stream(nevras).map(n -> new InstalledPackage(Nevra.parse(n), T0)).toList();
    }

    static Boot boot(String running, String byDefault) {
        return new Boot(Reading.of(INSTALLONLY), Optional.ofNullable(running), Optional.ofNullable(byDefault), "the newest boot entry");
    }

    static final List<InstalledPackage> MINE = installed(
            "kernel-core-6.17.5-300.fc43.x86_64", "kernel-modules-6.17.5-300.fc43.x86_64",
            "kernel-core-6.17.6-300.fc43.x86_64", "kernel-modules-6.17.6-300.fc43.x86_64");

    record Case(IncidentAssessment assessment, Planner.Context context) {
        Plan plan() {
            return Planner.plan(assessment, context);
        }
    }

    static Case scenario(List<InstalledPackage> installed, List<String> pending, Boot boot, String fixed) {
        Incident incident = new Incident("K", "Does not boot on some laptops", "", IncidentStatus.IDENTIFIED, Severity.MAJOR, T0, T0,
                Optional.empty(), List.of(), List.of(), List.of(), List.of(new AffectedPackage("kernel-core",
                new VersionRange(Evr.parse("6.17.6-300.fc43"), Optional.ofNullable(fixed).map(Evr::parse)),
                Optional.of(Evr.parse("6.17.5-300.fc43")))), List.of(), Fix.NONE, List.of(), List.of(), List.of());
        List<PendingUpdate> updates = pending.stream().map(n -> new PendingUpdate(Nevra.parse(n), "updates", List.of())).toList();
        SystemFacts facts = new SystemFacts("43", "workstation", "x86_64", installed, updates, SinceLookup.NONE, boot);
        IncidentAssessment a = Assessor.assess(facts, List.of(new SourcedIncident(incident, "test", List.of()))).incidents().get(0);
        return new Case(a, new Planner.Context(PackageManager.DNF5, Optional.empty(),
                Map.of("kernel-core", Set.of(Evr.parse("6.17.5-300.fc43"), Evr.parse("6.17.6-300.fc43"))), List.of(), Set.of(),
                VersionLocks.NONE, installed, boot));
    }

    static List<String> commands(Plan plan) {
        return plan.steps().stream().flatMap(s -> s.commands().stream()).map(ShellCommand::display).toList();
    }

    @Test
    void theDefaultKernelAffectedBootsThePreviousMakesItDefaultRemovesAndExcludes() {
        Case c = scenario(MINE, List.of(), boot(null, "6.17.6-300.fc43.x86_64"), null);
        assertEquals("affected", c.assessment().relation().id());
        Plan plan = c.plan();
        assertEquals(List.of("Boot the previous kernel", "Make it the default", "Remove the affected kernel 6.17.6-300.fc43.x86_64",
                "Keep version 6.17.6-300.fc43 out"), plan.steps().stream().map(s -> English.of(s.title())).toList());
        assertEquals(List.of("sudo grub2-editenv - unset menu_auto_hide",
                "sudo grubby --set-default /boot/vmlinuz-6.17.5-300.fc43.x86_64",
                "sudo dnf5 remove kernel-core-6.17.6-300.fc43.x86_64 kernel-modules-6.17.6-300.fc43.x86_64",
                "sudo dnf5 versionlock exclude kernel-core-6.17.6-300.fc43"), commands(plan));
        assertTrue(commands(plan).stream().noneMatch(s -> s.contains("downgrade") || s.contains("versionlock add")), commands(plan).toString());
    }

    @Test
    void eachStepIsDoneOnlyWhenTheSystemShowsIt() {
        Case c = scenario(MINE, List.of(), boot(null, "6.17.6-300.fc43.x86_64"), null);
        Plan plan = c.plan();
        Observed before = new Observed(MINE, VersionLocks.NONE, List.of(), boot(null, "6.17.6-300.fc43.x86_64"));
        assertTrue(plan.steps().stream().noneMatch(s -> StepStatus.of(s, before).done()), "nothing done yet");
        // Made the default, removed, excluded: as grubby, dnf remove and dnf5 versionlock exclude leave it.
        VersionLocks excluded = new VersionLocks(VersionLocks.Flavour.DNF5, List.of(new VersionLocks.Entry("kernel-core",
                List.of(new VersionLocks.Condition("evr", "!=", "0:6.17.6-300.fc43")), false, "kernel-core")));
        Observed after = new Observed(installed("kernel-core-6.17.5-300.fc43.x86_64", "kernel-modules-6.17.5-300.fc43.x86_64"),
                excluded, List.of(), boot("6.17.5-300.fc43.x86_64", "6.17.5-300.fc43.x86_64"));
        assertEquals(List.of(true, true, true, true), plan.steps().stream().map(s -> StepStatus.of(s, after).done()).toList());
        // Under a root the running kernel is unknown: booting it is never marked done by guess.
        Observed rooted = new Observed(after.installed(), excluded, List.of(), boot(null, "6.17.5-300.fc43.x86_64"));
        assertEquals(List.of("which kernel runs is not known here (a system under a root)"),
                English.of(StepStatus.of(plan.steps().get(0), rooted).stillDifferent()));
    }

    @Test
    void theFixedKernelAsDefaultWhileTheAffectedOneRunsIsAReboot() {
        List<InstalledPackage> both = installed("kernel-core-6.17.6-300.fc43.x86_64", "kernel-core-6.17.7-300.fc43.x86_64");
        Case c = scenario(both, List.of(), boot("6.17.6-300.fc43.x86_64", "6.17.7-300.fc43.x86_64"), "6.17.7-300.fc43");
        assertEquals("Reboot into 6.17.7-300.fc43.x86_64", English.of(c.plan().steps().get(0).title()));
        assertEquals("sudo systemctl reboot", c.plan().steps().get(0).command().orElseThrow().display());
    }

    @Test
    void anOlderAffectedKernelIsRemovedAndExcludedNotDowngraded() {
        List<InstalledPackage> kept = installed("kernel-core-6.17.6-300.fc43.x86_64", "kernel-core-6.17.7-300.fc43.x86_64");
        Case c = scenario(kept, List.of(), boot(null, "6.17.7-300.fc43.x86_64"), "6.17.7-300.fc43");
        assertEquals("not-in-use", c.assessment().relation().id());
        assertEquals(List.of("sudo dnf5 remove kernel-core-6.17.6-300.fc43.x86_64",
                "sudo dnf5 versionlock exclude kernel-core-6.17.6-300.fc43"), commands(c.plan()));
    }

    @Test
    void atRiskExcludesThatVersionNotTheName() {
        Case c = scenario(installed("kernel-core-6.17.5-300.fc43.x86_64"), List.of("kernel-core-6.17.6-300.fc43.x86_64"),
                boot(null, "6.17.5-300.fc43.x86_64"), null);
        assertEquals("at-risk", c.assessment().relation().id());
        assertEquals(List.of("sudo dnf5 versionlock exclude kernel-core-6.17.6-300.fc43", "sudo dnf5 upgrade --exclude=kernel-core"),
                commands(c.plan()));
    }

    @Test
    void theFixPendingInstallsBesideAndReboots() {
        Case c = scenario(installed("kernel-core-6.17.6-300.fc43.x86_64"), List.of("kernel-core-6.17.7-300.fc43.x86_64"),
                boot(null, "6.17.6-300.fc43.x86_64"), "6.17.7-300.fc43");
        assertEquals("fix-available", c.assessment().relation().id());
        assertEquals(List.of("Install the fixed kernel", "Reboot into 6.17.7-300.fc43.x86_64",
                "Remove the affected kernel 6.17.6-300.fc43.x86_64"), c.plan().steps().stream().map(s -> English.of(s.title())).toList());
        assertTrue(commands(c.plan()).stream().noneMatch(s -> s.contains("versionlock delete")), "no hold was suggested");
    }

    @Test
    void onlyTheAffectedKernelInstalledBringsTheLastGoodBeside() {
        Case c = scenario(installed("kernel-core-6.17.6-300.fc43.x86_64"), List.of(), boot(null, "6.17.6-300.fc43.x86_64"), null);
        assertEquals("sudo dnf5 install kernel-core-6.17.5-300.fc43.x86_64", commands(c.plan()).get(0));
        assertEquals("sudo grubby --set-default /boot/vmlinuz-6.17.5-300.fc43.x86_64", commands(c.plan()).get(2));
    }

    @Test
    void withNoGoodKernelInstalledAndNoneNamedNothingIsBootedRemovedOrInstalledBlind() {
        // Only the affected kernel is installed and the incident names no last good version.
        List<InstalledPackage> onlyBad = installed("kernel-core-6.17.6-300.fc43.x86_64", "kernel-modules-6.17.6-300.fc43.x86_64");
        Incident incident = new Incident("K", "Does not boot", "", IncidentStatus.IDENTIFIED, Severity.MAJOR, T0, T0,
                Optional.empty(), List.of(), List.of(), List.of(), List.of(new AffectedPackage("kernel-core",
                VersionRange.from(Evr.parse("6.17.6-300.fc43")), Optional.empty())), List.of(), Fix.NONE, List.of(), List.of(),
                List.of());
        Boot boot = boot(null, "6.17.6-300.fc43.x86_64");
        SystemFacts facts = new SystemFacts("43", "workstation", "x86_64", onlyBad, List.of(), SinceLookup.NONE, boot);
        IncidentAssessment a = Assessor.assess(facts, List.of(new SourcedIncident(incident, "test", List.of()))).incidents().get(0);
        Plan plan = Planner.plan(a, new Planner.Context(PackageManager.DNF5, Optional.empty(), Map.of(), List.of(), Set.of(),
                VersionLocks.NONE, onlyBad, boot));
        assertEquals(List.of(), commands(plan), "no bare install, no booting the affected kernel as 'the previous', no removal");
        assertTrue(plan.notes().stream().map(English::of).anyMatch(n -> n.contains("No last good version of kernel-core")),
                plan.notes().toString());
    }

    @Test
    void aKernelBugWithNoVersionRangeIsReportedAndItsGuideChangesNothing() {
        // An open kernel bug linked from Common Issues: no range, no last good version.
        Incident incident = new Incident("rhbz#2400040", "Laptop does not resume", "", IncidentStatus.IDENTIFIED, Severity.MINOR, T0,
                T0, Optional.empty(), List.of(), List.of(), List.of(), List.of(new AffectedPackage("kernel-core",
                VersionRange.reportedBelow(Optional.empty()), Optional.empty())), List.of(), Fix.NONE, List.of(), List.of(),
                List.of());
        Boot boot = boot(null, "6.17.6-300.fc43.x86_64");
        List<PendingUpdate> pending = List.of(new PendingUpdate(Nevra.parse("kernel-core-6.17.7-300.fc43.x86_64"), "updates",
                List.of()));
        SystemFacts facts = new SystemFacts("43", "workstation", "x86_64", MINE, pending, SinceLookup.NONE, boot);
        var assessment = Assessor.assess(facts, List.of(new SourcedIncident(incident, "test", List.of())));
        IncidentAssessment a = assessment.incidents().get(0);
        assertEquals("reported", a.relation().id());
        assertEquals(List.of(), a.affected());
        assertEquals(Verdict.CAUTION, assessment.verdict());
        Plan plan = Planner.plan(a, new Planner.Context(PackageManager.DNF5, Optional.empty(), Map.of(), List.of(), Set.of(),
                VersionLocks.NONE, MINE, boot));
        assertEquals(List.of("sudo dnf5 upgrade --exclude=kernel-core"), commands(plan),
                "only the other updates, leaving the kernel out for now: no boot, default, removal or lock");
    }
}
