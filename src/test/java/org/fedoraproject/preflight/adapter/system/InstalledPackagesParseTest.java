package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.testing.English;
import org.junit.jupiter.api.Test;

class InstalledPackagesParseTest {

    @Test
    void readsRpmQueryFormatAndLeavesOutKeys() {
        Reading<List<InstalledPackage>> r = InstalledPackagesReader.parse(
                "grub2-efi-x64\t1\t2.12\t32.fc43\tx86_64\t1764000000\tgrub2-2.12-32.fc43.src.rpm\n"
                        + "gpg-pubkey\t0\ta15b79cc\t63d04c2c\t(none)\t1764000000\t(none)\n"
                        + "firefox\t0\t146.0~b3\t0.1.fc43\tx86_64\t1764000001\tfirefox-146.0~b3-0.1.fc43.src.rpm\n", "rpm");
        List<InstalledPackage> packages = r.get().orElseThrow();
        assertEquals(2, packages.size());
        assertEquals("grub2-efi-x64-1:2.12-32.fc43.x86_64", packages.get(0).nevra().toString());
        assertEquals("grub2", packages.get(0).source(), "the source package, from SOURCERPM");
        assertEquals("firefox", packages.get(1).source());
        assertEquals(Instant.ofEpochSecond(1764000001), packages.get(1).installTime());
        assertEquals("", InstalledPackage.sourceName("(none)"));
        assertEquals("mesa", InstalledPackage.sourceName("mesa-25.1.4-1.fc43.src.rpm"));
    }

    @Test
    void aTruncatedOrStrangeLineMakesThePartUnavailableNotShorter() {
        assertUnavailable("firefox\t0\t146.0\t1.fc43\tx86_64\t17640", "truncated");
        assertUnavailable("firefox\t0\t146.0\t1.fc43\tx86_64\t1\n", "line 1");
        assertUnavailable("ok\t0\t1\t1\tx86_64\t1\tok-1-1.src.rpm\nfire fox\t0\t146.0\t1.fc43\tx86_64\t1\tx\n", "line 2");
        assertUnavailable("firefox\tx\t146.0\t1.fc43\tx86_64\t1\tfirefox-146.0-1.fc43.src.rpm\n", "line 1");
    }

    @Test
    void anEmptyDatabaseIsAnEmptyList() {
        assertEquals(List.of(), InstalledPackagesReader.parse("", "rpm").get().orElseThrow());
    }

    private static void assertUnavailable(String output, String expected) {
        Reading<List<InstalledPackage>> r = InstalledPackagesReader.parse(output, "rpm --query --all");
        assertTrue(r instanceof Reading.Unavailable<List<InstalledPackage>> u && English.of(u.reason()).contains(expected), r.toString());
    }
}
