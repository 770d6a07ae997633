package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.junit.jupiter.api.Test;

/** The versionlock files as dnf5's and dnf4's plugins write and read them. */
class HoldsReaderTest {

    /** The example of dnf5's versionlock(8), with a comment, an inline table and quoting as TOML allows. */
    static final String DNF5_FILE = """
            version = "1.0"

            # keep package bash on version 0:5.2.15-5.fc39
            [[packages]]
            name = "bash"               # name of the package
            comment = "description"     # optional description of the entry
            [[packages.conditions]]     # conditions for the package "bash"
            key = "evr"
            comparator = "="
            value = "0:5.2.15-5.fc39"

            # exclude one iftop (versionlock exclude)
            [[packages]]
            name = "iftop"
            [[packages.conditions]]
            key = "evr"
            comparator = "!="
            value = "0:1.0-0.31.pre4.fc39"

            # keep acpi on major version 3
            [[packages]]
            name = 'acpi'
            conditions = [ { key = "evr", comparator = "<", value = "4" }, { key = "evr", comparator = ">=", value = "3" } ]

            # keep all *nvidia* packages on version 3:570.*
            [[packages]]
            name = "*nvidia*"
            [[packages.conditions]]
            key = "evr"
            comparator = ">="
            value = "3:570"
            [[packages.conditions]]
            key = "evr"
            comparator = "<"
            value = "3:571"
            """;

    @Test
    void dnf5sTomlWithEveryKindOfEntry() {
        VersionLocks locks = HoldsReader.parseToml(DNF5_FILE).get().orElseThrow();
        assertEquals(4, locks.entries().size());
        assertTrue(locks.allows("bash", Evr.parse("5.2.15-5.fc39"), "x86_64"));
        assertFalse(locks.allows("bash", Evr.parse("5.2.21-1.fc39"), "x86_64"), "locked: the update is hidden");
        assertFalse(locks.allows("iftop", Evr.parse("1.0-0.31.pre4.fc39"), "x86_64"), "the excluded version");
        assertTrue(locks.allows("iftop", Evr.parse("1.0-0.32.pre4.fc39"), "x86_64"));
        assertTrue(locks.allows("acpi", Evr.parse("3.9-1.fc39"), "x86_64"));
        assertFalse(locks.allows("acpi", Evr.parse("4.0-1.fc39"), "x86_64"));
        assertTrue(locks.allows("xorg-x11-drv-nvidia", Evr.parse("3:570.86-1.fc39"), "x86_64"));
        assertFalse(locks.allows("xorg-x11-drv-nvidia", Evr.parse("3:575.51-1.fc39"), "x86_64"));
        assertTrue(locks.allows("htop", Evr.parse("3.4.2-1.fc43"), "x86_64"), "no entry, no lock");
        assertEquals(Set.of("bash", "acpi", "*nvidia*"), locks.heldNames(), "an exclude is not a hold");
    }

    @Test
    void notTomlIsSaidNotGuessed() {
        Reading<VersionLocks> r = HoldsReader.parseToml("[[packages]\nname = \"bash\"\n");
        assertTrue(r instanceof Reading.Unavailable<?>, r.toString());
        assertTrue(((Reading.Unavailable<?>) r).message().contains("not TOML"), ((Reading.Unavailable<?>) r).message());
        Reading<VersionLocks> noName = HoldsReader.parseToml("version = \"1.0\"\n[[packages]]\ncomment = \"x\"\n");
        assertTrue(((Reading.Unavailable<?>) noName).message().contains("packages[0] has no name"));
    }

    @Test
    void dnf4sListWithLocksAndExcludes() {
        VersionLocks locks = HoldsReader.parseList("""
                # Added locks on Thu Nov 20 10:00:00 2026
                mesa-dri-drivers-0:25.1.2-1.fc43.*
                mesa-libGL-0:25.1.2-1.fc43.x86_64
                !kernel-core-0:6.17.6-300.fc43.*
                not a spec
                """);
        assertEquals(3, locks.entries().size());
        assertTrue(locks.allows("mesa-dri-drivers", Evr.parse("25.1.2-1.fc43"), "x86_64"));
        assertFalse(locks.allows("mesa-dri-drivers", Evr.parse("25.1.6-1.fc43"), "x86_64"));
        assertFalse(locks.allows("mesa-libGL", Evr.parse("25.1.2-1.fc43"), "i686"), "locked to the x86_64 build");
        assertFalse(locks.allows("kernel-core", Evr.parse("6.17.6-300.fc43"), "x86_64"));
        assertTrue(locks.allows("kernel-core", Evr.parse("6.17.7-300.fc43"), "x86_64"), "only that version is out");
        assertEquals(Set.of("mesa-dri-drivers", "mesa-libGL"), locks.heldNames());
    }
}
