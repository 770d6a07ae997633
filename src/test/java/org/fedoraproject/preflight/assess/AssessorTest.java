package org.fedoraproject.preflight.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.ItemPairing;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.RecordedItem;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.junit.jupiter.api.Test;

/** Scenarios for every relation and verdict, on a Fedora 43 Workstation x86_64 system. */
class AssessorTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    // ---- a small language for scenarios -------------------------------------------------------

    static List<InstalledPackage> installed(String... nevras) {
        return Arrays.stream(nevras).map(n -> new InstalledPackage(Nevra.parse(n), T0)).toList();
    }

    static PendingUpdate update(String nevra, String... obsoletes) {
        return new PendingUpdate(Nevra.parse(nevra), "updates", Arrays.stream(obsoletes).map(Nevra::parse).toList());
    }

    static AffectedPackage range(String name, String introduced, String fixed) {
        Optional<Evr> fix = fixed == null ? Optional.empty() : Optional.of(Evr.parse(fixed));
        return new AffectedPackage(name, new VersionRange(Evr.parse(introduced), fix), Optional.empty());
    }

    static Incident incident(String id, Severity severity, IncidentStatus status, List<String> releases,
                             List<String> variants, List<String> arches, AffectedPackage... affected) {
        return new Incident(id, "title of " + id, "", status, severity, T0, T0,
                status == IncidentStatus.RESOLVED ? Optional.of(T0) : Optional.empty(), releases, variants, arches,
                List.of(affected), List.of(), Fix.NONE, List.of(), List.of(), List.of());
    }

    static Incident incident(String id, Severity severity, AffectedPackage... affected) {
        return incident(id, severity, IncidentStatus.IDENTIFIED, List.of("43"), List.of(), List.of(), affected);
    }

    static Assessment assess(List<InstalledPackage> installed, List<PendingUpdate> pending, Incident... incidents) {
        return assess(installed, pending, List.of(), incidents);
    }

    static Assessment assess(List<InstalledPackage> installed, List<PendingUpdate> pending, List<Transaction> history,
                             Incident... incidents) {
        SystemFacts facts = new SystemFacts("43", "workstation", "x86_64", installed, pending, SinceLookup.of(history));
        return Assessor.assess(facts, Arrays.stream(incidents).map(i -> new SourcedIncident(i, "test", List.of())).toList());
    }

    static Map<String, String> relations(Assessment a) {
        return a.incidents().stream().collect(Collectors.toMap(IncidentAssessment::id, i -> i.relation().id()));
    }

    static Map<String, String> verdicts(Assessment a) {
        return a.updates().stream().collect(Collectors.toMap(u -> u.update().nevra().name(), u -> u.verdict().id()));
    }

    static final AffectedPackage MESA = range("mesa-dri-drivers", "25.1.4-1.fc43", "25.1.6-1.fc43");

    // ---- relations and verdicts ---------------------------------------------------------------

    @Test
    void atRiskMajorHolds() {
        Assessment a = assess(installed("mesa-dri-drivers-25.1.2-1.fc43.x86_64"),
                List.of(update("mesa-dri-drivers-25.1.4-1.fc43.x86_64")), incident("FPS-1", Severity.MAJOR, MESA));
        assertEquals(Map.of("FPS-1", "at-risk"), relations(a));
        assertEquals(Map.of("mesa-dri-drivers", "hold"), verdicts(a));
        assertEquals(Verdict.HOLD, a.verdict());
        UpdateAssessment u = a.updates().get(0);
        assertEquals(Optional.of(Evr.parse("25.1.2-1.fc43")), u.from());
        assertEquals(List.of("mesa-dri-drivers 25.1.4-1.fc43 is in the affected range of FPS-1: from 25.1.4-1.fc43, "
                + "fixed in 25.1.6-1.fc43 (major, identified)"), u.evidence());
    }

    @Test
    void atRiskCriticalHoldsAndMinorIsCaution() {
        AffectedPackage shell = range("gnome-shell", "49.2-1.fc43", null);
        assertEquals(Verdict.HOLD, assess(installed("gnome-shell-49.1-1.fc43.x86_64"),
                List.of(update("gnome-shell-49.2-1.fc43.x86_64")), incident("C", Severity.CRITICAL, shell)).verdict());
        Assessment minor = assess(installed("gnome-shell-49.1-1.fc43.x86_64"),
                List.of(update("gnome-shell-49.2-1.fc43.x86_64")), incident("M", Severity.MINOR, shell));
        assertEquals(Verdict.CAUTION, minor.verdict());
        assertEquals(Map.of("gnome-shell", "caution"), verdicts(minor));
    }

    @Test
    void affectedWithoutAFixIsCaution() {
        Assessment a = assess(installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64"), List.of(),
                incident("FPS-1", Severity.MAJOR, MESA));
        assertEquals(Map.of("FPS-1", "affected"), relations(a));
        assertEquals(Verdict.CAUTION, a.verdict());
        assertTrue(a.affected());
    }

    @Test
    void fixAvailableRecommendsTheUpdateAndIsSafe() {
        Assessment a = assess(installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64"),
                List.of(update("mesa-dri-drivers-25.1.6-1.fc43.x86_64")), incident("FPS-1", Severity.MAJOR, MESA));
        assertEquals(Map.of("FPS-1", "fix-available"), relations(a));
        assertEquals(Map.of("mesa-dri-drivers", "ok"), verdicts(a));
        assertEquals(Verdict.SAFE, a.verdict());
        assertEquals(List.of("FPS-1"), a.updates().get(0).incidents());
        assertTrue(a.updates().get(0).evidence().get(0).contains("takes this system out of the affected range of FPS-1"));
    }

    @Test
    void anUpdateWithinTheRangeLeavesTheSystemAffectedAndIsACautionNotAHold() {
        // From a version in the range to another in it: holding protects from nothing (#27, point 8).
        Assessment a = assess(installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64"),
                List.of(update("mesa-dri-drivers-25.1.5-1.fc43.x86_64")), incident("FPS-1", Severity.MAJOR, MESA));
        assertEquals(Map.of("FPS-1", "affected"), relations(a));
        assertEquals(Map.of("mesa-dri-drivers", "caution"), verdicts(a));
        assertEquals(Verdict.CAUTION, a.verdict());
        assertTrue(a.updates().get(0).evidence().get(0).contains("this system stays affected after this update"),
                a.updates().get(0).evidence().toString());
        // Entering a range the installed version is not in still holds.
        Assessment entering = assess(installed("mesa-dri-drivers-25.1.2-1.fc43.x86_64"),
                List.of(update("mesa-dri-drivers-25.1.5-1.fc43.x86_64")), incident("FPS-1", Severity.MAJOR, MESA));
        assertEquals(Verdict.HOLD, entering.verdict());
    }

    @Test
    void aResolvedIncidentStillCountsOnAnAffectedMachine() {
        Incident resolved = incident("FPS-0031", Severity.MAJOR, IncidentStatus.RESOLVED, List.of("43"), List.of(), List.of(),
                range("NetworkManager-libnm", "1:1.54.0-1.fc43", "1:1.54.2-1.fc43"));
        Assessment stillOn = assess(installed("NetworkManager-libnm-1:1.54.0-1.fc43.x86_64"), List.of(), resolved);
        assertEquals(Map.of("FPS-0031", "affected"), relations(stillOn));
        Assessment fixPending = assess(installed("NetworkManager-libnm-1:1.54.0-1.fc43.x86_64"),
                List.of(update("NetworkManager-libnm-1:1.54.2-1.fc43.x86_64")), resolved);
        assertEquals(Map.of("FPS-0031", "fix-available"), relations(fixPending));
        Assessment fixed = assess(installed("NetworkManager-libnm-1:1.54.2-1.fc43.x86_64"), List.of(), resolved);
        assertEquals(Map.of(), relations(fixed), "past the fix: not shown");
    }

    @Test
    void aMachineWhereNothingMatchesIsSafe() {
        Assessment a = assess(installed("htop-3.4.1-1.fc43.x86_64", "mesa-dri-drivers-25.1.2-1.fc43.x86_64"),
                List.of(update("htop-3.4.2-1.fc43.x86_64")), incident("FPS-1", Severity.CRITICAL, MESA));
        assertEquals(Verdict.SAFE, a.verdict());
        assertEquals(List.of(), a.incidents());
        assertEquals(Map.of("htop", "ok"), verdicts(a));
    }

    // ---- filters --------------------------------------------------------------------------

    @Test
    void anIncidentForAnotherReleaseIsNotShown() {
        List<InstalledPackage> mine = installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64");
        assertEquals(List.of(), assess(mine, List.of(), incident("F42", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("42"), List.of(), List.of(), MESA)).incidents());
        assertEquals(Map.of("ALL", "affected"), relations(assess(mine, List.of(), incident("ALL", Severity.MAJOR,
                IncidentStatus.IDENTIFIED, List.of(), List.of(), List.of(), MESA))));
        assertEquals(Map.of("WS", "affected"), relations(assess(mine, List.of(), incident("WS", Severity.MAJOR,
                IncidentStatus.IDENTIFIED, List.of("43"), List.of("workstation"), List.of("x86_64"), MESA))));
    }

    @Test
    void anEditionOrArchScopeNeverHidesAnInstalledAffectedVersion() {
        // Plasma's packages installed on a Workstation at the affected version: a KDE-only incident
        // still shows the system as affected, and says it is outside the scope.
        List<InstalledPackage> mine = installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64");
        Assessment kde = assess(mine, List.of(), incident("KDE", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of("kde", "kinoite"), List.of(), MESA));
        assertEquals(Map.of("KDE", "affected"), relations(kde));
        assertTrue(kde.incidents().get(0).evidence().stream().anyMatch(e -> e.contains("outside the incident's scope (editions kde, kinoite)")),
                kde.incidents().get(0).evidence().toString());
        assertEquals(Verdict.CAUTION, kde.verdict());
        Assessment arm = assess(mine, List.of(), incident("ARM", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of(), List.of("aarch64"), MESA));
        assertEquals(Map.of("ARM", "affected"), relations(arm));
    }

    @Test
    void aScopeNarrowsWhoIsAtRisk() {
        List<InstalledPackage> mine = installed("mesa-dri-drivers-25.1.2-1.fc43.x86_64");
        List<PendingUpdate> bad = List.of(update("mesa-dri-drivers-25.1.4-1.fc43.x86_64"));
        Assessment kde = assess(mine, bad, incident("KDE", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of("kde"), List.of(), MESA));
        assertEquals(Map.of(), relations(kde), "a Workstation is not told it is at risk of a KDE-only problem");
        assertEquals(Map.of("mesa-dri-drivers", "ok"), verdicts(kde));
        assertTrue(kde.updates().get(0).evidence().get(0).contains("outside its scope (editions kde)"),
                kde.updates().get(0).evidence().toString());
        Assessment ws = assess(mine, bad, incident("WS", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of("workstation"), List.of(), MESA));
        assertEquals(Map.of("WS", "at-risk"), relations(ws));
        assertEquals(Map.of("mesa-dri-drivers", "hold"), verdicts(ws));
    }

    static final AffectedPackage GL = range("mesa-libGL", "25.1.4-1.fc43", "25.1.6-1.fc43");

    @Test
    void archesNameThePackagesArchSoTheThirtyTwoBitBuildIsMatchedOnItsOwn() {
        // Steam's 32-bit mesa-libGL next to the 64-bit one on an x86_64 machine.
        List<InstalledPackage> mine = installed("glibc-2.42-1.fc43.x86_64", "mesa-libGL-25.1.2-1.fc43.x86_64",
                "mesa-libGL-25.1.2-1.fc43.i686");
        List<PendingUpdate> both = List.of(update("mesa-libGL-25.1.4-1.fc43.x86_64"), update("mesa-libGL-25.1.4-1.fc43.i686"));
        // The publisher means the 32-bit build: only the i686 update is held.
        Assessment i686 = assess(mine, both, incident("I686", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of(), List.of("i686"), GL));
        assertEquals(List.of("hold", "ok"), List.of(verdictOf(i686, "i686"), verdictOf(i686, "x86_64")));
        assertEquals(Map.of("I686", "at-risk"), relations(i686));
        // The publisher means x86_64 packages (and noarch ones on x86_64 machines): the i686 build is not in it.
        Assessment x86 = assess(mine, both, incident("X86", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of(), List.of("x86_64"), GL));
        assertEquals(List.of("ok", "hold"), List.of(verdictOf(x86, "i686"), verdictOf(x86, "x86_64")));
        // Both listed, or none: both held.
        Assessment all = assess(mine, both, incident("ALL", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of(), List.of("x86_64", "i686"), GL));
        assertEquals(List.of("hold", "hold"), List.of(verdictOf(all, "i686"), verdictOf(all, "x86_64")));
    }

    @Test
    void aNoarchPackageIsInScopeWhenTheMachinesArchIsListed() {
        List<InstalledPackage> mine = installed("glibc-2.42-1.fc43.x86_64", "fonts-1.0-1.fc43.noarch");
        List<PendingUpdate> update = List.of(update("fonts-1.1-1.fc43.noarch"));
        AffectedPackage fonts = range("fonts", "1.1-1.fc43", null);
        assertEquals("hold", verdictOf(assess(mine, update, incident("X", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of(), List.of("x86_64"), fonts)), "noarch"));
        assertEquals("ok", verdictOf(assess(mine, update, incident("A", Severity.MAJOR, IncidentStatus.IDENTIFIED,
                List.of("43"), List.of(), List.of("aarch64"), fonts)), "noarch"));
    }

    static String verdictOf(Assessment a, String arch) {
        return a.updates().stream().filter(u -> u.update().nevra().arch().equals(arch)).findFirst().orElseThrow().verdict().id();
    }

    // ---- version order at the edges -------------------------------------------------------

    @Test
    void epochsDecide() {
        AffectedPackage grub = range("grub2-efi-x64", "1:2.12-33.fc43", "1:2.12-34.fc43");
        Assessment a = assess(installed("grub2-efi-x64-1:2.12-32.fc43.x86_64"),
                List.of(update("grub2-efi-x64-1:2.12-33.fc43.x86_64")), incident("GRUB", Severity.CRITICAL, grub));
        assertEquals(Map.of("grub2-efi-x64", "hold"), verdicts(a));
        Assessment noEpoch = assess(installed("grub2-efi-x64-1:2.12-32.fc43.x86_64"),
                List.of(update("grub2-efi-x64-1:2.12-33.fc43.x86_64")),
                incident("WRONG", Severity.CRITICAL, range("grub2-efi-x64", "2.12-33.fc43", "2.12-34.fc43")));
        assertEquals(Map.of("grub2-efi-x64", "ok"), verdicts(noEpoch), "epoch 1 is above any epoch-0 range");
    }

    @Test
    void aTildePreReleaseSortsBeforeTheRelease() {
        AffectedPackage firefox = range("firefox", "146.0-1.fc43", null);
        Assessment beta = assess(installed("firefox-145.0-1.fc43.x86_64"),
                List.of(update("firefox-146.0~b3-0.1.fc43.x86_64")), incident("FF", Severity.MAJOR, firefox));
        assertEquals(Map.of("firefox", "ok"), verdicts(beta), "146.0~b3 comes before 146.0");
        Assessment betaInRange = assess(installed("firefox-145.0-1.fc43.x86_64"),
                List.of(update("firefox-146.0~b3-0.1.fc43.x86_64")),
                incident("FFB", Severity.MAJOR, range("firefox", "146.0~b1-0.1.fc43", "146.0-1.fc43")));
        assertEquals(Map.of("firefox", "hold"), verdicts(betaInRange));
    }

    // ---- several incidents, several packages --------------------------------------------------

    @Test
    void severalIncidentsOnOnePackage() {
        Assessment a = assess(installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64"),
                List.of(update("mesa-dri-drivers-25.1.6-1.fc43.x86_64")),
                incident("OLD", Severity.MAJOR, MESA),
                incident("NEW", Severity.MINOR, range("mesa-dri-drivers", "25.1.6-1.fc43", null)));
        assertEquals(Map.of("OLD", "fix-available", "NEW", "at-risk"), relations(a));
        UpdateAssessment u = a.updates().get(0);
        assertEquals(UpdateVerdict.CAUTION, u.verdict());
        assertEquals(List.of("OLD", "NEW"), u.incidents());
        assertEquals(Verdict.CAUTION, a.verdict());
    }

    @Test
    void fixAvailableOnlyWhenEveryAffectedPackageIsFixed() {
        AffectedPackage gl = range("mesa-libGL", "25.1.4-1.fc43", "25.1.6-1.fc43");
        Incident both = incident("FPS-1", Severity.MAJOR, MESA, gl);
        List<InstalledPackage> mine = installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64", "mesa-libGL-25.1.4-1.fc43.x86_64");
        assertEquals(Map.of("FPS-1", "affected"), relations(assess(mine,
                List.of(update("mesa-dri-drivers-25.1.6-1.fc43.x86_64")), both)));
        assertEquals(Map.of("FPS-1", "fix-available"), relations(assess(mine,
                List.of(update("mesa-dri-drivers-25.1.6-1.fc43.x86_64"), update("mesa-libGL-25.1.6-1.fc43.x86_64")), both)));
    }

    @Test
    void aPackageReplacedThroughObsoletes() {
        AffectedPackage pulse = range("pulseaudio", "17.0-1.fc43", null);
        Assessment replaced = assess(installed("pulseaudio-17.0-1.fc43.x86_64"),
                List.of(update("pipewire-pulseaudio-1.4.9-1.fc43.x86_64", "pulseaudio-17.0-1.fc43.x86_64")),
                incident("PULSE", Severity.MAJOR, pulse));
        assertEquals(Map.of("PULSE", "fix-available"), relations(replaced), "the obsoleting package takes it away");
        assertEquals(Optional.empty(), replaced.updates().get(0).from());

        Assessment badReplacement = assess(installed("pulseaudio-17.0-1.fc43.x86_64"),
                List.of(update("pipewire-pulseaudio-1.4.9-1.fc43.x86_64", "pulseaudio-17.0-1.fc43.x86_64")),
                incident("PW", Severity.CRITICAL, range("pipewire-pulseaudio", "1.4.9-1.fc43", null)));
        assertEquals(Map.of("PW", "at-risk"), relations(badReplacement));
        assertEquals(Verdict.HOLD, badReplacement.verdict());
    }

    @Test
    void installOnlyKernelsEachCount() {
        AffectedPackage kernel = range("kernel-core", "6.17.7-300.fc43", null);
        Assessment a = assess(installed("kernel-core-6.17.5-300.fc43.x86_64", "kernel-core-6.17.7-300.fc43.x86_64"),
                List.of(), incident("K", Severity.CRITICAL, kernel));
        assertEquals(Map.of("K", "affected"), relations(a));
        assertEquals(1, a.incidents().get(0).affected().size());
    }

    // ---- since when -----------------------------------------------------------------------

    @Test
    void sinceIsTheTransactionThatBroughtTheAffectedVersion() {
        Transaction install = transaction(1, "2026-11-01T10:00:00Z",
                item(1, "mesa-dri-drivers-25.1.2-1.fc43.x86_64", PackageAction.INSTALL, false));
        Transaction upgrade = transaction(2, "2026-11-18T08:00:00Z",
                item(2, "mesa-dri-drivers-25.1.4-1.fc43.x86_64", PackageAction.UPGRADE, false),
                item(3, "mesa-dri-drivers-25.1.2-1.fc43.x86_64", PackageAction.REPLACED, true));
        Transaction later = transaction(3, "2026-11-20T08:00:00Z", item(4, "htop-3.4.2-1.fc43.x86_64", PackageAction.UPGRADE, false));
        Assessment a = assess(installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64"), List.of(),
                List.of(later, upgrade, install), incident("FPS-1", Severity.MAJOR, MESA));
        Since since = a.incidents().get(0).since().orElseThrow();
        assertEquals("dnf5", since.source());
        assertEquals(2, since.transaction());
        assertEquals(Instant.parse("2026-11-18T08:00:00Z"), since.date());
        assertEquals(List.of(Nevra.parse("mesa-dri-drivers-25.1.2-1.fc43.x86_64")), since.replaced());
        assertTrue(a.incidents().get(0).evidence().stream().anyMatch(e -> e.contains("came with dnf5 transaction 2")));
    }

    @Test
    void withoutHistoryTheInstallTimeIsSaid() {
        Assessment a = assess(installed("mesa-dri-drivers-25.1.4-1.fc43.x86_64"), List.of(), incident("FPS-1", Severity.MAJOR, MESA));
        Since since = a.incidents().get(0).since().orElseThrow();
        assertEquals(false, since.fromHistory());
        assertEquals(T0, since.date());
    }

    static RecordedItem item(long id, String nevra, PackageAction action, boolean leaving) {
        return new RecordedItem(id, Nevra.parse(nevra), action, leaving, OptionalLong.empty(), "user", "updates");
    }

    static Transaction transaction(long id, String at, RecordedItem... items) {
        return new Transaction(HistorySource.DNF5, id, Instant.parse(at), Optional.empty(), 0, "dnf5 ...", "ok", "43",
                ItemPairing.pair(new ArrayList<>(List.of(items))));
    }

    @Test
    void theArchIsReadOffThePackages() {
        assertEquals("x86_64", SystemFacts.archOf(installed("glibc-2.42-1.fc43.i686", "glibc-2.42-1.fc43.x86_64",
                "fedora-release-common-43-26.noarch")));
        assertEquals("aarch64", SystemFacts.archOf(installed("kernel-core-6.17.5-300.fc43.aarch64", "tzdata-2025b-1.fc43.noarch")));
        assertEquals("x86_64", SystemFacts.archOf(installed("htop-3.4.1-1.fc43.x86_64", "nano-8.4-1.fc43.x86_64",
                "wine-core-10.0-1.fc43.i686")));
    }
}
