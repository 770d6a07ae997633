package org.fedoraproject.preflight.assess;

import static org.fedoraproject.preflight.assess.AssessorTest.incident;
import static org.fedoraproject.preflight.assess.AssessorTest.installed;
import static org.fedoraproject.preflight.assess.AssessorTest.range;
import static org.fedoraproject.preflight.assess.AssessorTest.relations;
import static org.fedoraproject.preflight.assess.AssessorTest.update;
import static org.fedoraproject.preflight.assess.AssessorTest.verdicts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Reading;
import org.junit.jupiter.api.Test;

/** Kernels side by side: what counts is the kernel that runs and the one that boots by default. */
class InstallonlyTest {

    static final AffectedPackage BAD_6176 = range("kernel-core", "6.17.6-300.fc43", "6.17.7-300.fc43");
    static final List<InstalledPackage> THREE = installed("kernel-core-6.17.5-300.fc43.x86_64",
            "kernel-core-6.17.6-300.fc43.x86_64", "kernel-core-6.17.7-300.fc43.x86_64");

    static Boot boot(String running, String byDefault) {
        return new Boot(Reading.of(Set.of("kernel-core", "kernel-modules")), Optional.ofNullable(running),
                Optional.ofNullable(byDefault), "the newest boot entry");
    }

    static Assessment assess(List<InstalledPackage> installed, List<PendingUpdate> pending, Boot boot, Incident incident) {
        SystemFacts facts = new SystemFacts("43", "workstation", "x86_64", installed, pending, SinceLookup.NONE, boot);
        return Assessor.assess(facts, List.of(new SourcedIncident(incident, "test", List.of())));
    }

    static Incident major(AffectedPackage range) {
        return incident("K", Severity.MAJOR, range);
    }

    @Test
    void anAffectedKernelKeptBesideTheFixedDefaultIsNotInUse() {
        Assessment a = assess(THREE, List.of(), boot(null, "6.17.7-300.fc43.x86_64"), major(BAD_6176));
        assertEquals(Map.of("K", "not-in-use"), relations(a), "not affected for ever because dnf keeps three kernels");
        assertEquals(Verdict.SAFE, a.verdict());
        assertTrue(a.incidents().get(0).evidence().get(0).contains("older installonly version kept beside 6.17.7-300.fc43 (boots by default"),
                a.incidents().get(0).evidence().toString());
    }

    @Test
    void theDefaultKernelInTheRangeIsAffected() {
        Assessment a = assess(THREE, List.of(), boot(null, "6.17.6-300.fc43.x86_64"), major(BAD_6176));
        assertEquals(Map.of("K", "affected"), relations(a));
        assertEquals("6.17.6-300.fc43", a.incidents().get(0).affected().get(0).installed().nevra().evr().toString());
        assertTrue(a.incidents().get(0).evidence().get(0).endsWith("; it boots by default (the newest boot entry)"),
                a.incidents().get(0).evidence().toString());
    }

    @Test
    void runningTheAffectedKernelWithTheFixedOneAsDefaultIsAffectedUntilTheReboot() {
        Assessment a = assess(THREE, List.of(), boot("6.17.6-300.fc43.x86_64", "6.17.7-300.fc43.x86_64"), major(BAD_6176));
        assertEquals(Map.of("K", "affected"), relations(a));
        assertTrue(a.incidents().get(0).evidence().contains(
                "kernel-core 6.17.7-300.fc43 is installed, not affected, and boots by default: reboot into it"),
                a.incidents().get(0).evidence().toString());
    }

    @Test
    void withoutBootInformationTheNewestCounts() {
        Assessment old = assess(THREE, List.of(), boot(null, null), major(BAD_6176));
        assertEquals(Map.of("K", "not-in-use"), relations(old));
        Assessment newest = assess(THREE, List.of(), boot(null, null),
                major(range("kernel-core", "6.17.7-300.fc43", null)));
        assertEquals(Map.of("K", "affected"), relations(newest));
    }

    @Test
    void aPendingKernelIntoTheRangeIsHeldAndOneOutOfItFixes() {
        List<InstalledPackage> one = installed("kernel-core-6.17.6-300.fc43.x86_64");
        Assessment fix = assess(one, List.of(update("kernel-core-6.17.7-300.fc43.x86_64")), boot(null, "6.17.6-300.fc43.x86_64"),
                major(BAD_6176));
        assertEquals(Map.of("K", "fix-available"), relations(fix));
        Assessment risk = assess(installed("kernel-core-6.17.5-300.fc43.x86_64"), List.of(update("kernel-core-6.17.6-300.fc43.x86_64")),
                boot(null, "6.17.5-300.fc43.x86_64"), major(BAD_6176));
        assertEquals(Map.of("K", "at-risk"), relations(risk));
        assertEquals(Map.of("kernel-core", "hold"), verdicts(risk));
    }

    @Test
    void aKernelUpdateHoldsUnlessTheDefaultKernelIsAlreadyInTheRange() {
        AffectedPackage open = range("kernel-core", "6.17.6-300.fc43", null);
        List<InstalledPackage> two = installed("kernel-core-6.17.5-300.fc43.x86_64", "kernel-core-6.17.6-300.fc43.x86_64");
        List<PendingUpdate> next = List.of(update("kernel-core-6.17.7-300.fc43.x86_64"));
        // The default is 6.17.5, outside the range: 6.17.7 would bring the problem to the next boot.
        assertEquals(Map.of("kernel-core", "hold"), verdicts(assess(two, next, boot(null, "6.17.5-300.fc43.x86_64"), major(open))));
        // The default is 6.17.6, in the range: the system already boots into the problem, 6.17.7 changes nothing.
        assertEquals(Map.of("kernel-core", "caution"), verdicts(assess(two, next, boot(null, "6.17.6-300.fc43.x86_64"), major(open))));
    }
}
