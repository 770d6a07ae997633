package org.fedoraproject.preflight.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NevraTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mesa-dri-drivers-25.1.4-1.fc43.x86_64      | mesa-dri-drivers   | 0 | 25.1.4    | 1.fc43       | x86_64
            kernel-core-6.17.5-300.fc43.x86_64         | kernel-core        | 0 | 6.17.5    | 300.fc43     | x86_64
            python3.13-libs-3.13.9-1.fc43.x86_64       | python3.13-libs    | 0 | 3.13.9    | 1.fc43       | x86_64
            389-ds-base-3.1.3-2.fc43.x86_64            | 389-ds-base        | 0 | 3.1.3     | 2.fc43       | x86_64
            grub2-efi-x64-1:2.12-32.fc43.x86_64        | grub2-efi-x64      | 1 | 2.12      | 32.fc43      | x86_64
            shim-x64-0:15.8-3.x86_64                   | shim-x64           | 0 | 15.8      | 3            | x86_64
            libstdc++-15.2.1-1.fc43.i686               | libstdc++          | 0 | 15.2.1    | 1.fc43       | i686
            gnome-shell-49.1-1.fc43.x86_64             | gnome-shell        | 0 | 49.1      | 1.fc43       | x86_64
            firefox-146.0~b3-0.1.fc43.aarch64          | firefox            | 0 | 146.0~b3  | 0.1.fc43     | aarch64
            fedora-release-common-43-26.noarch         | fedora-release-common | 0 | 43     | 26           | noarch
            gpg-pubkey-a15b79cc-63d04c2c.noarch        | gpg-pubkey         | 0 | a15b79cc  | 63d04c2c     | noarch
            """)
    void parsesFromTheRight(String text, String name, long epoch, String version, String release, String arch) {
        Nevra n = Nevra.parse(text);
        assertEquals(name, n.name());
        assertEquals(new Evr(epoch, version, release), n.evr());
        assertEquals(arch, n.arch());
        assertEquals(name + "." + arch, n.nameArch());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "mesa", "mesa.x86_64", "mesa-1.0.x86_64", "mesa-1.0-1.", "-1.0-1.x86_64", "mesa-1.0-1.x86-64",
        "mesa;rm -rf /-1.0-1.x86_64", "me$(id)sa-1.0-1.x86_64", "mesa`id`-1.0-1.x86_64",
        "mesа-1.0-1.x86_64" /* Cyrillic a */, "mesa\n-1.0-1.x86_64", "mesa-1.0-1 .x86_64"})
    void refusesWhatIsNotANevra(String text) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Nevra.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void roundTripsAndOrdersByNameThenEvr() {
        Nevra a = Nevra.parse("mesa-dri-drivers-25.1.2-1.fc43.x86_64");
        Nevra b = Nevra.parse("mesa-dri-drivers-25.1.10-1.fc43.x86_64");
        assertEquals("mesa-dri-drivers-25.1.2-1.fc43.x86_64", a.toString());
        assertEquals("grub2-efi-x64-1:2.12-32.fc43.x86_64", Nevra.parse("grub2-efi-x64-1:2.12-32.fc43.x86_64").toString());
        assertTrue(a.compareTo(b) < 0);
        assertEquals(a, Nevra.of("mesa-dri-drivers", "25.1.2-1.fc43", "x86_64"));
    }

    @Test
    void parsesBuildNames() {
        Nvr nvr = Nvr.parse("mesa-25.1.4-1.fc43");
        assertEquals("mesa", nvr.name());
        assertEquals(Evr.parse("25.1.4-1.fc43"), nvr.evr());
        assertThrows(InvalidVersionException.class, () -> Nvr.parse("mesa-25.1.4"));
    }

    @Test
    void packageNamesAreRpmsCharacterSet() {
        assertTrue(PackageName.isValid("NetworkManager-libnm"));
        assertTrue(PackageName.isValid("perl-Net-SSLeay"));
        assertTrue(PackageName.isValid("_private"));
        assertFalse(PackageName.isValid("perl(Foo)"));
        assertFalse(PackageName.isValid("a b"));
        assertFalse(PackageName.isValid("--all"));
        assertFalse(PackageName.isValid("x".repeat(256)));
    }
}
