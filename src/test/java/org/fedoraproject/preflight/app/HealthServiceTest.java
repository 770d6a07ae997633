package org.fedoraproject.preflight.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;

/** What Preflight prepares for a suspect: the way back, whether it was taken, and a report that says nothing of the person. */
class HealthServiceTest {

    private static final Instant T = Instant.parse("2026-11-18T07:41:00Z");
    private static final Suspect MESA = new Suspect(new Transaction(HistorySource.DNF5, 2, T, Optional.of(T), 1000, "dnf5 upgrade", "ok",
            "43", List.of()), "mesa", "25.1.2-1.fc43", "25.1.4-1.fc43", 0, 4, 6.7, 7.1,
            List.of("/usr/bin/gnome-shell", "/home/alice/.local/bin/mygame"), T.plusSeconds(3600));

    private static InstalledPackage pkg(String nevra) {
        return new InstalledPackage(Nevra.parse(nevra), T, "mesa");
    }

    @Test
    void theWayBackTakesEveryBinaryOfTheSourcePackageInEveryArch() {
        HealthService.Lead lead = HealthService.lead(MESA, List.of(pkg("mesa-libGL-25.1.4-1.fc43.x86_64"),
                pkg("mesa-libGL-25.1.4-1.fc43.i686"), pkg("mesa-dri-drivers-25.1.4-1.fc43.x86_64"),
                new InstalledPackage(Nevra.parse("gnome-shell-49.1-1.fc43.x86_64"), T, "gnome-shell")), Optional.empty(), "43");
        assertEquals(List.of(List.of("sudo", "dnf5", "downgrade", "mesa-libGL-25.1.2-1.fc43.x86_64", "mesa-libGL-25.1.2-1.fc43.i686",
                "mesa-dri-drivers-25.1.2-1.fc43.x86_64")), lead.goBack().stream().map(ShellCommand::argv).toList());
        assertFalse(lead.wentBack());
    }

    @Test
    void onceTheSystemIsAtTheVersionBeforeTheStepIsDone() {
        HealthService.Lead lead = HealthService.lead(MESA, List.of(pkg("mesa-libGL-25.1.2-1.fc43.x86_64"),
                pkg("mesa-dri-drivers-25.1.2-1.fc43.x86_64")), Optional.empty(), "43");
        assertTrue(lead.wentBack());
        assertEquals(List.of(), lead.goBack());
    }

    @Test
    void theReportNamesPackagesVersionsAndProgramsButNoHomeDirectory() {
        HealthService.Lead lead = HealthService.lead(MESA, List.of(), Optional.empty(), "43");
        String url = URLDecoder.decode(lead.bugzillaUrl(), StandardCharsets.UTF_8);
        assertTrue(url.startsWith("https://bugzilla.redhat.com/enter_bug.cgi?product=Fedora&version=43&component=mesa&short_desc="), url);
        assertTrue(url.contains("from 25.1.2-1.fc43 to 25.1.4-1.fc43 (dnf5 transaction 2 on 2026-11-18)"), url);
        assertTrue(url.contains("/usr/bin/gnome-shell") && url.contains("(a program in a home directory)"), url);
        assertFalse(url.contains("alice") || url.contains("/home/"), url);
        assertEquals("https://bodhi.fedoraproject.org/updates/?builds=mesa-25.1.4-1.fc43", lead.bodhiUrl());
    }
}
