package org.fedoraproject.preflight.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.Assessor;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.SinceLookup;
import org.fedoraproject.preflight.assess.SystemFacts;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.incident.Confidence;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Link;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourceExpansion;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;

/** Incidents built from Bugzilla, the updateinfo and Common Issues, assessed like a feed's. */
class DerivedIncidentsTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final List<InstalledPackage> INSTALLED = List.of(
            installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64", "mesa-25.1.4-1.fc43.src.rpm"),
            installed("mesa-libGL-25.1.4-1.fc43.x86_64", "mesa-25.1.4-1.fc43.src.rpm"),
            installed("firefox-146.0~b3-0.1.fc43.x86_64", "firefox-146.0~b3-0.1.fc43.src.rpm"),
            installed("gnome-shell-49.1-1.fc43.x86_64", "gnome-shell-49.1-1.fc43.src.rpm"),
            installed("NetworkManager-libnm-1:1.54.0-1.fc43.x86_64", "NetworkManager-1.54.0-1.fc43.src.rpm"),
            installed("nano-8.4-1.fc43.x86_64", "nano-8.4-1.fc43.src.rpm"));
    static final List<PendingUpdate> PENDING = List.of(pending("mesa-dri-drivers-25.1.6-1.fc43.x86_64"),
            pending("mesa-libGL-25.1.6-1.fc43.x86_64"), pending("firefox-146.0-1.fc43.x86_64"),
            pending("gnome-shell-49.2-1.fc43.x86_64"), pending("NetworkManager-libnm-1:1.54.2-1.fc43.x86_64"));
    static final Advisory MESA = new Advisory("FEDORA-2026-5d1e2f3a4b", "bugfix", "Moderate", Optional.empty(),
            List.of(Nevra.parse("mesa-dri-drivers-25.1.6-1.fc43.x86_64"), Nevra.parse("mesa-libGL-25.1.6-1.fc43.x86_64")),
            List.of(2400001L));

    static InstalledPackage installed(String nevra, String sourcerpm) {
        return new InstalledPackage(Nevra.parse(nevra), Instant.parse("2026-11-01T00:00:00Z"), InstalledPackage.sourceName(sourcerpm));
    }

    static PendingUpdate pending(String nevra) {
        return new PendingUpdate(Nevra.parse(nevra), "updates", List.of());
    }

    static Bug bug(long id, String component, boolean open, String resolution, String fixedIn, String... keywords) {
        return new Bug(id, "bug " + id + " in " + component, component, List.of("43"), open ? "ON_QA" : "CLOSED", resolution, open,
                List.of(keywords), fixedIn.isEmpty() ? List.of() : List.of(fixedIn.split(" ")), "medium",
                Instant.parse("2026-11-15T00:00:00Z"));
    }

    static Map<String, String> sourceOf() {
        Map<String, String> m = new HashMap<>();
        INSTALLED.forEach(p -> m.put(p.nevra().name(), p.source()));
        return m;
    }

    static DerivedIncidents.Facts facts() {
        Map<String, Long> epochs = new HashMap<>();
        INSTALLED.forEach(p -> {
            epochs.merge(p.source(), p.nevra().evr().epoch(), Math::max);
            epochs.merge(p.nevra().name(), p.nevra().evr().epoch(), Math::max);
        });
        return new DerivedIncidents.Facts("43", sourceOf(), epochs, PENDING, NOW);
    }

    static Signals signals(List<Advisory> advisories, List<Bug> bugs, List<CommonIssue> topics) {
        return new Signals(Map.of(), Map.of(), advisories, topics, bugs, Map.of(), List.of(), List.of(), List.of());
    }

    /** Derived, expanded to binary packages and assessed, as a check does. */
    static Assessment assess(List<SourcedIncident> curated, Signals signals) {
        List<SourcedIncident> all = DerivedIncidents.derive(curated, signals, facts());
        List<SourcedIncident> binary = SourceExpansion.expand(all, sourceOf()).incidents();
        return Assessor.assess(new SystemFacts("43", "workstation", "x86_64", INSTALLED, PENDING, SinceLookup.NONE), binary);
    }

    static IncidentAssessment incident(Assessment a, String id) {
        return a.incidents().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(a.incidents()));
    }

    static UpdateAssessment update(Assessment a, String name) {
        return a.updates().stream().filter(u -> u.update().nevra().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCommonBugFixedInThePendingVersionIsAFixAvailable() {
        Assessment a = assess(List.of(), signals(List.of(MESA), List.of(bug(2400001, "mesa", true, "", "mesa-25.1.6-1.fc43",
                Bug.COMMON_BUGS)), List.of()));
        IncidentAssessment mesa = incident(a, "rhbz#2400001");
        assertEquals(Relation.FIX_AVAILABLE, mesa.relation());
        assertEquals(Confidence.DERIVED, mesa.incident().confidence());
        assertEquals("Bugzilla", mesa.incident().source());
        assertEquals(2, mesa.affected().size(), "both binary packages of mesa: " + mesa.affected());
        assertEquals(List.of("FEDORA-2026-5d1e2f3a4b"), mesa.incident().incident().fix().updates());
        assertTrue(mesa.incident().evidence().stream().anyMatch(e -> e.kind().equals("advisory")
                && e.url().equals("https://bodhi.fedoraproject.org/updates/FEDORA-2026-5d1e2f3a4b")), mesa.incident().evidence().toString());
        assertEquals(UpdateVerdict.OK, update(a, "mesa-dri-drivers").verdict(), "the fix is not held");
        assertEquals(Verdict.SAFE, a.verdict(), "updating is what fixes it");
    }

    @Test
    void theFixIsTheAdvisorysPendingVersionWhenBugzillaHasNoFixedInYet() {
        Assessment a = assess(List.of(), signals(List.of(MESA), List.of(bug(2400001, "mesa", true, "", "", Bug.COMMON_BUGS)),
                List.of()));
        IncidentAssessment mesa = incident(a, "rhbz#2400001");
        assertEquals(Relation.FIX_AVAILABLE, mesa.relation());
        assertEquals(Severity.MINOR, mesa.incident().incident().severity(), "no cf_fixed_in: never strong enough to hold");
    }

    @Test
    void anOpenCommonBugFixedOnlyLaterHoldsThePendingUpdate() {
        Assessment a = assess(List.of(), signals(List.of(), List.of(bug(2400010, "firefox", true, "",
                "firefox-146.0.1-1.fc43 firefox-146.0.1-1.fc42", Bug.COMMON_BUGS)), List.of()));
        assertEquals(UpdateVerdict.HOLD, update(a, "firefox").verdict());
        assertEquals(Verdict.HOLD, a.verdict());
        IncidentAssessment ff = incident(a, "rhbz#2400010");
        assertEquals(Relation.REPORTED, ff.relation(), "the bug says which release, not since which version");
        assertEquals(List.of(), ff.affected(), "the installed firefox is not called affected");
        assertEquals(List.of("firefox"), ff.reported().stream().map(p -> p.nevra().name()).toList());
        assertTrue(ff.since().isEmpty(), "no transaction is said to have brought it");
        assertEquals(IncidentStatus.FIX_TESTING, ff.incident().incident().status());
        assertEquals("146.0.1-1.fc43", ff.incident().incident().affected().get(0).fixed().orElseThrow().toString(),
                "the build for this release, of the fc43 and fc42 ones");
    }

    @Test
    void anOpenCommonBugWithoutAFixIsACautionNeverAHold() {
        Assessment a = assess(List.of(), signals(List.of(), List.of(bug(2400020, "gnome-shell", true, "", "", Bug.COMMON_BUGS)),
                List.of()));
        assertEquals(UpdateVerdict.CAUTION, update(a, "gnome-shell").verdict());
        assertEquals(Verdict.CAUTION, a.verdict());
        assertEquals(Relation.REPORTED, incident(a, "rhbz#2400020").relation(), "no version range: never affected");
        assertFalse(a.affected());
    }

    @Test
    void anEpochBumpThatRevertsABadVersionIsTheFixNotAnOlderVersion() {
        // xz's way (2024): 5.6.x was bad, 1:5.4.6 put the old code back with a higher epoch.
        List<InstalledPackage> installed = List.of(installed("xz-libs-5.6.1-1.fc43.x86_64", "xz-5.6.1-1.fc43.src.rpm"));
        List<PendingUpdate> pending = List.of(pending("xz-libs-1:5.4.6-2.fc43.x86_64"));
        Map<String, String> sourceOf = Map.of("xz-libs", "xz");
        Map<String, Long> epochs = Map.of("xz", 0L, "xz-libs", 0L);
        Bug bug = bug(2400050, "xz", true, "", "xz-5.4.6-2.fc43", Bug.COMMON_BUGS);
        DerivedIncidents.Facts facts = new DerivedIncidents.Facts("43", sourceOf, epochs, pending, NOW);
        List<SourcedIncident> derived = DerivedIncidents.derive(List.of(), signals(List.of(), List.of(bug), List.of()), facts);
        assertEquals("1:5.4.6-2.fc43", derived.get(0).incident().affected().get(0).fixed().orElseThrow().toString(),
                "the epoch of the pending build Bugzilla's NVR names, not the installed one's");
        Assessment a = Assessor.assess(new SystemFacts("43", "workstation", "x86_64", installed, pending, SinceLookup.NONE),
                SourceExpansion.expand(derived, sourceOf).incidents());
        assertEquals(Relation.FIX_AVAILABLE, a.incidents().get(0).relation(), "the pending update is past the fix");
        assertEquals(UpdateVerdict.OK, a.updates().get(0).verdict());

        // Nothing pending names the build: the advisory's package list, then Bodhi's build record, know the epoch.
        DerivedIncidents.Facts none = new DerivedIncidents.Facts("43", sourceOf, epochs, List.of(), NOW);
        Advisory revert = new Advisory("FEDORA-2026-0e0e0e0e0e", "bugfix", "", Optional.empty(),
                List.of(Nevra.parse("xz-libs-1:5.4.6-2.fc43.x86_64")), List.of());
        assertEquals("1:5.4.6-2.fc43", DerivedIncidents.fixedIn(bug, "43", signals(List.of(revert), List.of(), List.of()), none)
                .orElseThrow().toString());
        BodhiUpdate bodhi = new BodhiUpdate("FEDORA-2026-0e0e0e0e0e", "stable", 3, List.of(), List.of(), "high", false,
                Optional.empty(), List.of("xz-5.4.6-2.fc43"), "https://b", Map.of("xz-5.4.6-2.fc43", 1L), Optional.empty(), -3);
        Signals fromBodhi = new Signals(Map.of(), Map.of(bodhi.alias(), bodhi), List.of(), List.of(), List.of(), Map.of(), List.of(),
                List.of(), List.of());
        assertEquals("1:5.4.6-2.fc43", DerivedIncidents.fixedIn(bug, "43", fromBodhi, none).orElseThrow().toString());
        assertEquals("5.4.6-2.fc43", DerivedIncidents.fixedIn(bug, "43", Signals.NONE, none).orElseThrow().toString(),
                "nothing knows the build: the installed package's epoch");
    }

    @Test
    void theEpochOfTheInstalledPackageCarriesOverToTheFixInBugzillasNvr() {
        Assessment a = assess(List.of(), signals(List.of(), List.of(bug(2400030, "NetworkManager", true, "",
                "NetworkManager-1.54.4-1.fc43", Bug.COMMON_BUGS)), List.of()));
        assertEquals(UpdateVerdict.HOLD, update(a, "NetworkManager-libnm").verdict(),
                "1:1.54.2 is below 1:1.54.4, though cf_fixed_in names no epoch");
    }

    @Test
    void bugsThatSayNothingAboutThisSystemAreLeftOut() {
        Assessment a = assess(List.of(), signals(List.of(), List.of(
                bug(1, "mesa", false, "NOTABUG", "", Bug.COMMON_BUGS),
                bug(2, "kdelibs", true, "", "", Bug.COMMON_BUGS),
                bug(3, "mesa", true, "", ""),
                bug(4, "firefox", false, "ERRATA", "firefox-146.0~b1-1.fc43", Bug.COMMON_BUGS)), List.of()));
        assertEquals(List.of(), a.incidents(), "not a bug, not installed here, not CommonBugs, fixed before the installed one");
        Bug of42 = new Bug(5, "old", "gnome-shell", List.of("42"), "NEW", "", true, List.of(Bug.COMMON_BUGS), List.of(), "high",
                Instant.EPOCH);
        assertEquals(List.of(), assess(List.of(), signals(List.of(), List.of(of42), List.of())).incidents(),
                "a CommonBugs bug of another release says nothing of this one");
        assertEquals(Verdict.SAFE, a.verdict());
    }

    @Test
    void aTopicsFirstPostNamesThePackagesLinksTheBugAndGivesTheWorkaround() {
        CommonIssue topic = new CommonIssue(501, "Black screen after updating", "https://discussion.fedoraproject.org/t/black/501",
                NOW, List.of("f43")).withFirstPost("""
                After the update to gnome-shell 49.2 the session does not start.

                Tracked in https://bugzilla.redhat.com/show_bug.cgi?id=2400040

                ## Workaround
                1. Log in to *GNOME on Xorg* from the gear menu.
                2. Wait for the fix.

                ## Status
                Fix in testing.
                """);
        Bug linked = bug(2400040, "gnome-shell", true, "", "");
        Assessment a = assess(List.of(), signals(List.of(), List.of(linked), List.of(topic)));
        IncidentAssessment shell = incident(a, "rhbz#2400040");
        assertEquals(1, a.incidents().size(), "the topic and its bug are one incident: " + a.incidents());
        assertEquals(List.of("Log in to *GNOME on Xorg* from the gear menu.", "Wait for the fix."),
                shell.incident().incident().workarounds().get(0).steps());
        assertEquals(List.of(), shell.incident().incident().workarounds().get(0).commands(), "text from a topic is never a command");
        assertTrue(shell.incident().incident().links().contains(new Link("discussion", topic.url())));
        assertEquals(UpdateVerdict.CAUTION, update(a, "gnome-shell").verdict());
    }

    @Test
    void aTopicWithoutABugCautionsOnlyThePendingUpdateItNames() {
        CommonIssue topic = new CommonIssue(502, "Firefox crashes on video calls", "https://d/t/502", NOW, List.of("f43"))
                .withFirstPost("Since the latest update, firefox crashes. See https://example.org/firefox-146.0 for more.");
        Assessment a = assess(List.of(), signals(List.of(), List.of(), List.of(topic)));
        IncidentAssessment ff = incident(a, "discourse#502");
        assertEquals(Relation.REPORTED, ff.relation(), "the installed version is not claimed to be affected");
        assertEquals(List.of(), ff.affected());
        assertEquals(List.of("firefox"), ff.risky().stream().map(u -> u.nevra().name()).toList());
        assertEquals(UpdateVerdict.CAUTION, update(a, "firefox").verdict());
        assertEquals(UpdateVerdict.OK, update(a, "gnome-shell").verdict());
        CommonIssue solved = new CommonIssue(503, "nano asks twice", "https://d/t/503", NOW, List.of(), true, NOW, Optional.of("nano"));
        assertTrue(assess(List.of(), signals(List.of(), List.of(), List.of(solved))).incidents().isEmpty(), "solved, and no bug");
    }

    @Test
    void aCuratedIncidentAboutTheSameBugTakesTheEvidenceAndStaysOne() {
        Incident curated = new Incident("FPS-2026-0001", "Mesa hang", "", IncidentStatus.FIX_TESTING, Severity.MAJOR, NOW, NOW,
                Optional.empty(), List.of("43"), List.of(), List.of(), List.of(), List.of(), Fix.NONE, List.of(),
                List.of(new Link("tracker", "https://bugzilla.redhat.com/2400001")), List.of());
        List<SourcedIncident> all = DerivedIncidents.derive(List.of(new SourcedIncident(curated, "https://feed", List.of())),
                signals(List.of(MESA), List.of(bug(2400001, "mesa", true, "", "mesa-25.1.6-1.fc43", Bug.COMMON_BUGS)), List.of()),
                facts());
        assertEquals(1, all.size(), all.toString());
        assertFalse(all.get(0).derived());
        assertTrue(all.get(0).evidence().stream().anyMatch(e -> e.kind().equals("bugzilla")), all.get(0).evidence().toString());
    }

    @Test
    void aBodhiLinkIsBuiltOnlyFromAnIdOfBodhisForm() {
        Advisory odd = new Advisory("FEDORA-2026-]52;c;x", "bugfix", "", Optional.empty(),
                List.of(Nevra.parse("mesa-dri-drivers-25.1.6-1.fc43.x86_64")), List.of(2400001L));
        List<SourcedIncident> derived = DerivedIncidents.derive(List.of(),
                signals(List.of(odd), List.of(bug(2400001, "mesa", true, "", "", Bug.COMMON_BUGS)), List.of()), facts());
        SourcedIncident mesa = derived.get(0);
        assertTrue(mesa.evidence().stream().filter(e -> e.kind().equals("advisory")).allMatch(e -> e.url().isEmpty()), mesa.evidence().toString());
        assertTrue(mesa.incident().links().stream().noneMatch(l -> l.url().contains("bodhi")), mesa.incident().links().toString());
    }
}
