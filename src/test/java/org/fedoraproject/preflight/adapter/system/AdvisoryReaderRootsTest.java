package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The advisories read straight from dnf's cached updateinfo.xml against what dnf4 and dnf5
 * themselves list for the updates, on the real roots (the updates repository carries two advisories
 * of pending builds, an intermediate mesa and NetworkManager-libnm with an i686 build, an older htop
 * and one of a package that is not installed).
 */
class AdvisoryReaderRootsTest {

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    @Test
    void dnf4() {
        Tools.require("dnf");
        assertSameAsDnf(TestRoots.dnf4(), PackageManager.DNF4);
    }

    @Test
    void dnf5() {
        assertSameAsDnf(TestRoots.dnf5(), PackageManager.DNF5);
    }

    private static void assertSameAsDnf(Target target, PackageManager manager) {
        SystemSnapshot s = new SystemReader(target, EXECUTOR, Clock.systemUTC()).read();
        var installed = s.installed().get().orElseThrow();
        List<PendingUpdate> pending = s.pending().get().orElseThrow().updates();
        Optional<List<Advisory>> direct = RepodataAdvisories.of(target, manager, Map.of()).read(installed, pending);
        assertTrue(direct.isPresent(), "read from the cache, not left to dnf");
        List<Advisory> dnf = new AdvisoryReader(target, manager).fromDnf().get().orElseThrow();
        // dnf5 lists every package of an advisory, dnf4 and the reader those of the updates.
        Predicate<Nevra> ofTheUpdates = RepodataAdvisories.newerThanUpgradable(installed, pending);
        assertEquals(shown(dnf, ofTheUpdates), shown(direct.get(), n -> true));
        assertEquals(List.of("FEDORA-2026-0e1d2c3b4a", "FEDORA-2026-1f2e3d4c5b", "FEDORA-2026-5d1e2f3a4b", "FEDORA-2026-aa11bb22cc"),
                List.copyOf(shown(direct.get(), n -> true).keySet()), "the advisories of the updates, not the older or foreign ones");
        assertEquals(new AdvisoryReader(target, manager).read(installed, pending), Reading.of(direct.get()));
    }

    /** Each advisory as the check uses it: type, severity, date, bugs and packages, by id. */
    private static Map<String, String> shown(List<Advisory> advisories, Predicate<Nevra> packages) {
        Map<String, String> shown = new TreeMap<>();
        for (Advisory a : advisories) {
            List<String> nevras = new ArrayList<>(a.packages().stream().filter(packages).map(Nevra::toString).sorted().toList());
            shown.put(a.id(), a.type() + " | " + a.severity() + " | " + a.issued() + " | " + a.bugs() + " | " + nevras);
        }
        return shown;
    }
}
