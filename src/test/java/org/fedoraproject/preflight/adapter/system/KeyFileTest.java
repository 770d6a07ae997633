package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyFileTest {

    @Test
    void sectionsKeysCommentsAndTheLaterKeyWinning() {
        KeyFile k = KeyFile.parse("""
                # dnf.conf
                [main]
                installonlypkgs = kernel-core
                ; a comment
                gpgcheck=1
                installonlypkgs=kernel-core, kernel-modules
                [PackageKit Offline Update Results]
                Success=false
                ErrorDetails=a=b is kept whole after the first =
                """);
        assertEquals(Optional.of("kernel-core, kernel-modules"), k.get("main", "installonlypkgs"));
        assertEquals(Optional.of("1"), k.get("main", "gpgcheck"));
        assertEquals("false", k.get("PackageKit Offline Update Results", "Success", "true"));
        assertEquals(Optional.of("a=b is kept whole after the first ="), k.get("PackageKit Offline Update Results", "ErrorDetails"));
        assertEquals(Optional.empty(), k.get("main", "Success"), "a key belongs to its section");
        assertEquals(Optional.empty(), k.get("main", "# dnf.conf"));
    }

    @Test
    void keysBeforeAnySectionAndAFileWithout() {
        assertEquals(Optional.of("BreezeDark"), KeyFile.parse("ColorScheme=BreezeDark\n").get("", "ColorScheme"));
        assertEquals(Optional.empty(), KeyFile.parse("").get("General", "ColorScheme"));
    }
}
