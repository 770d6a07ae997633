package org.fedoraproject.preflight.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

    @Test
    void readsFedoraWorkstation() {
        OsRelease os = OsReleaseParser.parse("""
                NAME="Fedora Linux"
                VERSION="43 (Workstation Edition)"
                RELEASE_TYPE=stable
                ID=fedora
                VERSION_ID=43
                PRETTY_NAME="Fedora Linux 43 (Workstation Edition)"
                # a comment
                VARIANT="Workstation Edition"
                VARIANT_ID=workstation
                """);
        assertTrue(os.isFedora());
        assertEquals("43", os.versionId());
        assertEquals("workstation", os.variantId());
        assertEquals("Fedora Linux 43 (Workstation Edition)", os.prettyName());
        assertEquals("", os.ostreeVersion());
    }

    @Test
    void readsAtomicDesktopsAndQuotingStyles() {
        OsRelease os = OsReleaseParser.parse("ID=fedora\nVERSION_ID=43\nVARIANT_ID=silverblue\n"
                + "OSTREE_VERSION='43.20261120.0'\nNAME=\"Fedora \\\"Linux\\\"\"\n");
        assertEquals("43.20261120.0", os.ostreeVersion());
        assertEquals("silverblue", os.variantId());
        assertEquals("Fedora \"Linux\"", os.name());
    }

    @Test
    void anythingElseIsNotFedora() {
        OsRelease os = OsReleaseParser.parse("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        assertFalse(os.isFedora());
        assertEquals("12", os.versionId());
    }

    @Test
    void garbageGivesDefaultsNotACrash() {
        OsRelease os = OsReleaseParser.parse("\u0000\u0001 not = an assignment\n=x\n\n");
        assertEquals("linux", os.id());
        assertEquals("Linux", os.prettyName());
        assertFalse(os.isFedora());
    }
}
