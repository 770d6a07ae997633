package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;

/** rpm-ostree cannot run on this Debian machine: these are recorded outputs in rpm-ostree's shapes. */
class RpmOstreeParserTest {

    @Test
    void readsDeploymentsAndTheCachedUpdate() throws Exception {
        RpmOstreeParser.Status status = RpmOstreeParser.parseStatus(
                UpdateListParserTest.fixture("rpm-ostree-status-silverblue-43.json"));
        List<Deployment> d = status.deployments();
        assertEquals(3, d.size());
        assertTrue(d.get(0).staged());
        assertTrue(d.get(1).booted() && d.get(1).pinned());
        assertEquals(List.of("mesa-dri-drivers-25.1.2-1.fc43.x86_64"), d.get(1).overrides());
        assertEquals(List.of("toolbox-extras", "gnome-tweaks"), d.get(0).layered());
        assertEquals("9b8c7d6e5f", d.get(1).shortChecksum());
        List<String> updates = status.cachedUpdate().stream().map(u -> u.nevra().toString()).toList();
        assertEquals(List.of("kernel-core-6.17.7-300.fc43.x86_64", "grub2-efi-x64-1:2.12-33.fc43.x86_64",
                "pipewire-pulseaudio-1.4.9-1.fc43.x86_64"), updates);
        assertEquals("rpm-ostree 43.20261125.0", status.cachedUpdate().get(0).repository());
    }

    @Test
    void noCachedUpdateMeansNothingPending() throws Exception {
        RpmOstreeParser.Status status = RpmOstreeParser.parseStatus(
                "{\"deployments\":[],\"transaction\":null,\"cached-update\":null,\"update-driver\":null}");
        assertEquals(List.of(), status.cachedUpdate());
    }

    @Test
    void readsTheDatabaseDiffBetweenDeployments() throws Exception {
        List<TransactionItem> items = RpmOstreeParser.parseDbDiff("""
                {"ostree-commit-from": "1a2b", "ostree-commit-to": "9b8c",
                 "pkgdiff": [
                   ["mesa-dri-drivers", 2, {"PreviousPackage": ["mesa-dri-drivers", "25.1.2-1.fc43", "x86_64"],
                                            "NewPackage": ["mesa-dri-drivers", "25.1.4-1.fc43", "x86_64"]}],
                   ["nano", 1, {"PreviousPackage": ["nano", "8.4-1.fc43", "x86_64"]}],
                   ["htop", 0, {"NewPackage": ["htop", "3.4.1-1.fc43", "x86_64"]}]],
                 "advisories": []}""");
        assertEquals(3, items.size());
        assertEquals(PackageAction.UPGRADE, items.get(0).action());
        assertEquals(List.of(Nevra.parse("mesa-dri-drivers-25.1.2-1.fc43.x86_64")), items.get(0).replaced());
        assertEquals(PackageAction.REMOVE, items.get(1).action());
        assertEquals("nano-8.4-1.fc43.x86_64", items.get(1).nevra().toString());
        assertEquals(PackageAction.INSTALL, items.get(2).action());
        assertThrows(UnexpectedOutputException.class, () -> RpmOstreeParser.parseDbDiff("{\"pkgdiff\": [[\"x\", 9, {}]]}"));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(UnexpectedOutputException.class, () -> RpmOstreeParser.parseStatus("{\"deployments\": 5}"));
        assertThrows(UnexpectedOutputException.class, () -> RpmOstreeParser.parseStatus("error: no sysroot"));
    }
}
