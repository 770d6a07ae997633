package org.fedoraproject.preflight.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.junit.jupiter.api.Test;

class SourceExpansionTest {

    static final Instant T = Instant.parse("2026-11-01T00:00:00Z");
    static final Map<String, String> MINE = Map.of("mesa-libGL", "mesa", "mesa-dri-drivers", "mesa", "htop", "htop",
            "grub2-efi-x64", "grub2");

    static SourcedIncident incident(AffectedPackage... affected) {
        return new SourcedIncident(new Incident("S", "S", "", IncidentStatus.IDENTIFIED, Severity.MAJOR, T, T, Optional.empty(),
                List.of(), List.of(), List.of(), List.of(affected), List.of(), Fix.NONE, List.of(), List.of(), List.of()),
                "test", List.of());
    }

    static AffectedPackage entry(String name, String source) {
        return new AffectedPackage(name, new VersionRange(Evr.parse("25.1.4-1.fc43"), Optional.empty()),
                Optional.of(Evr.parse("25.1.2-1.fc43")), Optional.ofNullable(source));
    }

    static List<String> names(SourceExpansion.Expanded e) {
        return e.incidents().get(0).incident().affected().stream().map(AffectedPackage::name).toList();
    }

    @Test
    void aSourceEntryCoversEveryBinaryOfItHere() {
        SourceExpansion.Expanded e = SourceExpansion.expand(List.of(incident(entry("mesa-vulkan-drivers", "mesa"))), MINE);
        assertEquals(List.of("mesa-dri-drivers", "mesa-libGL"), names(e), "the named binary is not installed here: not kept");
        assertEquals(List.of(), e.notes());
        assertEquals(Optional.of(Evr.parse("25.1.2-1.fc43")), e.incidents().get(0).incident().affected().get(0).lastGood());
        assertTrue(SourceExpansion.needsSources(List.of(incident(entry("mesa-libGL", "mesa")))));
    }

    @Test
    void aNameThatIsOnlyASourcePackageIsMatchedAsOneAndSaid() {
        SourceExpansion.Expanded e = SourceExpansion.expand(List.of(incident(entry("mesa", null))), MINE);
        assertEquals(List.of("mesa-dri-drivers", "mesa-libGL"), names(e));
        assertEquals(1, e.notes().size());
        assertTrue(e.notes().get(0).contains("S names mesa, which is no installed or pending package but the source package of"
                + " mesa-dri-drivers, mesa-libGL"), e.notes().get(0));
        assertEquals(false, SourceExpansion.needsSources(List.of(incident(entry("mesa", null)))));
    }

    @Test
    void binaryEntriesStayAsTheyAre() {
        SourcedIncident plain = incident(entry("htop", null), entry("firefox", null));
        SourceExpansion.Expanded e = SourceExpansion.expand(List.of(plain), MINE);
        assertTrue(e.incidents().get(0) == plain, "unchanged, not copied");
    }

    @Test
    void aRangeWithoutThePackagesEpochIsSaid() {
        SourcedIncident grub = incident(new AffectedPackage("grub2-efi-x64", new VersionRange(Evr.parse("2.12-33.fc43"),
                Optional.of(Evr.parse("2.12-34.fc43"))), Optional.empty()));
        List<String> w = EpochCheck.warnings(List.of(grub), Map.of("grub2-efi-x64", Set.of(1L)));
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("has epoch 0, but the installed grub2-efi-x64 has epoch 1: the range cannot match it"), w.get(0));
        SourcedIncident right = incident(new AffectedPackage("grub2-efi-x64", new VersionRange(Evr.parse("1:2.12-33.fc43"),
                Optional.of(Evr.parse("1:2.12-34.fc43"))), Optional.empty()));
        assertEquals(List.of(), EpochCheck.warnings(List.of(right), Map.of("grub2-efi-x64", Set.of(1L))));
    }
}
