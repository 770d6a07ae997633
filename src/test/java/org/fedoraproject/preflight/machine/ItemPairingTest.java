package org.fedoraproject.preflight.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;

class ItemPairingTest {

    private static RecordedItem staying(long id, String nevra, PackageAction action) {
        return new RecordedItem(id, Nevra.parse(nevra), action, false, OptionalLong.empty(), "user", "updates");
    }

    private static RecordedItem leaving(long id, String nevra, OptionalLong by) {
        return new RecordedItem(id, Nevra.parse(nevra), PackageAction.REPLACED, true, by, "user", "@System");
    }

    @Test
    void pairsDnf5UpgradesByNameAndArch() {
        List<TransactionItem> items = ItemPairing.pair(List.of(
                staying(16, "mesa-dri-drivers-25.1.4-1.fc43.x86_64", PackageAction.UPGRADE),
                staying(17, "mesa-dri-drivers-25.1.4-1.fc43.i686", PackageAction.UPGRADE),
                leaving(18, "mesa-dri-drivers-25.1.2-1.fc43.i686", OptionalLong.empty()),
                leaving(19, "mesa-dri-drivers-25.1.2-1.fc43.x86_64", OptionalLong.empty())));
        assertEquals(2, items.size());
        assertEquals(List.of(Nevra.parse("mesa-dri-drivers-25.1.2-1.fc43.x86_64")), items.get(0).replaced());
        assertEquals(List.of(Nevra.parse("mesa-dri-drivers-25.1.2-1.fc43.i686")), items.get(1).replaced());
    }

    @Test
    void followsDnf4sLinkForObsoletesUnderAnotherName() {
        List<TransactionItem> items = ItemPairing.pair(List.of(
                staying(25, "pipewire-pulseaudio-1.4.9-1.fc43.x86_64", PackageAction.OBSOLETE),
                leaving(26, "pulseaudio-17.0-1.fc43.x86_64", OptionalLong.of(25))));
        assertEquals(1, items.size());
        assertEquals(List.of(Nevra.parse("pulseaudio-17.0-1.fc43.x86_64")), items.get(0).replaced());
    }

    @Test
    void keepsAnUnpairedReplacedPackageVisible() {
        List<TransactionItem> items = ItemPairing.pair(List.of(
                staying(25, "pipewire-pulseaudio-1.4.9-1.fc43.x86_64", PackageAction.INSTALL),
                leaving(26, "pulseaudio-17.0-1.fc43.x86_64", OptionalLong.empty())));
        assertEquals(2, items.size());
        assertEquals(List.of(), items.get(0).replaced());
        assertEquals(PackageAction.REPLACED, items.get(1).action());
        assertEquals("pulseaudio-17.0-1.fc43.x86_64", items.get(1).nevra().toString());
    }
}
