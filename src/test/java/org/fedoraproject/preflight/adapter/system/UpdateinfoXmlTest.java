package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateinfoXmlTest {

    static String update(String id, String type, String dates, String severity, String refs, String packages) {
        return "<update from=\"updates@fedoraproject.org\" status=\"stable\" type=\"" + type + "\" version=\"2.0\"><id>" + id
                + "</id><title>t</title>" + dates + severity + "<references>" + refs + "</references><pkglist><collection short=\"F43\">"
                + "<name>Fedora 43</name>" + packages + "</collection></pkglist></update>";
    }

    static String pkg(String name, String epoch, String version, String release, String arch) {
        return "<package name=\"" + name + "\" version=\"" + version + "\" release=\"" + release + "\" epoch=\"" + epoch
                + "\" arch=\"" + arch + "\"><filename>x.rpm</filename></package>";
    }

    static List<Advisory> read(String xml) throws XMLStreamException {
        return UpdateinfoXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAnAdvisoryAsDnfShowsIt() throws Exception {
        String xml = "<?xml version=\"1.0\"?><updates>" + update("FEDORA-2026-5d1e2f3a4b", "security",
                "<issued date=\"2026-11-20 10:11:12\"/><updated date=\"2026-11-21 10:11:12\"/>", "<severity>Important</severity>",
                "<reference href=\"h\" id=\"2400001\" type=\"bugzilla\" title=\"x\"/><reference href=\"h\" id=\"CVE-2026-1\" type=\"cve\"/>",
                pkg("mesa-libGL", "0", "25.1.6", "1.fc43", "x86_64") + pkg("mesa-libGL", "0", "25.1.6", "1.fc43", "i686"))
                + "</updates>";
        List<Advisory> all = read(xml);
        assertEquals(1, all.size());
        Advisory a = all.get(0);
        assertEquals("FEDORA-2026-5d1e2f3a4b", a.id());
        assertEquals("security", a.type());
        assertEquals("Important", a.severity());
        assertEquals(Optional.of(Instant.parse("2026-11-21T10:11:12Z")), a.issued(), "the later of issued and updated, as libsolv");
        assertEquals(List.of(2400001L), a.bugs());
        assertEquals(List.of(Nevra.parse("mesa-libGL-25.1.6-1.fc43.x86_64"), Nevra.parse("mesa-libGL-25.1.6-1.fc43.i686")),
                a.packages(), "every package; which concern the system is the selection's business");
    }

    @Test
    void datesAndSeveritiesAsLibsolvReadsThem() throws Exception {
        String xml = "<updates>"
                + update("FEDORA-2026-0000000001", "bugfix", "<issued date=\"1794300000\"/><updated date=\"1794400000\"/>",
                        "<severity>None</severity>", "", pkg("a", "1", "1", "1", "x86_64"))
                + update("FEDORA-2026-0000000002", "enhancement", "<issued date=\"2026-11-10\"/>", "", "", pkg("b", "", "1", "1", "noarch"))
                + update("FEDORA-2026-0000000003", "bugfix", "<issued date=\"1970-01-01 00:00:00\"/>", "", "", pkg("c", "0", "1", "1", "noarch"))
                + "</updates>";
        List<Advisory> all = read(xml);
        assertEquals(3, all.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1794400000)), all.get(0).issued());
        assertEquals("", all.get(0).severity(), "None is no severity");
        assertEquals(1L, all.get(0).packages().get(0).evr().epoch());
        assertEquals(Optional.empty(), all.get(1).issued(), "a date without a time is no date (libsolv reads 0)");
        assertEquals(0L, all.get(1).packages().get(0).evr().epoch(), "no epoch attribute is epoch 0");
        assertEquals(Optional.empty(), all.get(2).issued());
    }

    @Test
    void skipsWhatRpmCouldNotHaveAndAnAdvisoryLeftWithNoPackage() throws Exception {
        String xml = "<updates>"
                + update("FEDORA-2026-0000000001", "bugfix", "", "", "", pkg("a", "0", "1", "", "x86_64"))
                + update("FEDORA-2026-0000000002", "bugfix", "", "", "", pkg("b", "0", "1", "1", "x86_64")
                        + pkg("bad name!", "0", "1", "1", "x86_64") + pkg("c", "x", "1", "1", "x86_64"))
                + "</updates>";
        List<Advisory> all = read(xml);
        assertEquals(List.of("FEDORA-2026-0000000002"), all.stream().map(Advisory::id).toList());
        assertEquals(List.of(Nevra.parse("b-1-1.x86_64")), all.get(0).packages(), "a name or epoch rpm cannot have is skipped");
    }

    @Test
    void textFromTheRepositoryIsCleanedAndAnAdvisoryWithoutIdIsDropped() throws Exception {
        String xml = "<updates>"
                + update("FEDORA-2026-0000000001&#x9d;52;c;aGk=&#x9c;", "bug&#x202e;fix", "", "<severity>Mod&#x9b;31merate</severity>", "",
                        pkg("a", "0", "1", "1", "x86_64"))
                + update("", "bugfix", "", "", "", pkg("a", "0", "1", "1", "x86_64"))
                + "</updates>";
        List<Advisory> all = read(xml);
        assertEquals(1, all.size());
        Advisory a = all.get(0);
        // XML 1.0 has no ESC or BEL; C1 controls (OSC, ST, CSI) and bidi overrides it has.
        assertFalse(a.id().chars().anyMatch(c -> c == 0x9d || c == 0x9c), a.id());
        assertFalse(a.type().contains("\u202e"), a.type());
        assertFalse(a.severity().contains("\u009b"), a.severity());
    }

    @Test
    void neverReadsAnExternalEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "FEDORA-2026-5ec2e75ec2");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE updates [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><updates>"
                + update("&x;", "bugfix", "", "", "", pkg("a", "0", "1", "1", "x86_64")) + "</updates>";
        XMLStreamException e = assertThrows(XMLStreamException.class, () -> read(xml));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
    }

    @Test
    void malformedXmlFails() {
        assertThrows(XMLStreamException.class, () -> read("<updates><update><id>FEDORA-2026-0000000001</id>"));
    }
}
