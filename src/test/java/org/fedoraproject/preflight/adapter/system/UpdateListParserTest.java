package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateListParserTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = UpdateListParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> nevras(List<PendingUpdate> updates) {
        return updates.stream().map(u -> u.nevra().toString()).toList();
    }

    @Test
    void readsDnf5JsonWithObsoletes() throws Exception {
        List<PendingUpdate> updates = UpdateListParser.parseJson("""
                {"upgrades":[{"name":"glibc","arch":"x86_64","evr":"2.28-26.fc29","repository":"updates"},
                             {"name":"grub2-efi-x64","arch":"x86_64","evr":"1:2.12-33.fc43","repository":"updates"}],
                 "obsoleting_packages":[{"name":"glibc","arch":"x86_64","evr":"2.28-26.fc29","repository":"updates",
                    "obsoletes":[{"name":"glibc","arch":"x86_64","evr":"2.28-9.fc29","repository":"fedora"}]}]}""");
        assertEquals(List.of("glibc-2.28-26.fc29.x86_64", "grub2-efi-x64-1:2.12-33.fc43.x86_64"), nevras(updates));
        assertEquals(List.of(Nevra.parse("glibc-2.28-9.fc29.x86_64")), updates.get(0).obsoletes());
        assertEquals("updates", updates.get(1).repository());
    }

    @Test
    void nothingToUpdateIsAnEmptyObject() throws Exception {
        assertEquals(List.of(), UpdateListParser.parseJson("{}"));
    }

    @Test
    void readsDnf5TablesWithAndWithoutTheUpgradesHeading() throws Exception {
        List<PendingUpdate> old = UpdateListParser.parseTable(fixture("dnf5-5.2-check-upgrade.txt"));
        assertEquals(6, old.size());
        assertEquals("NetworkManager-libnm-1:1.54.2-1.fc43.x86_64", old.get(0).nevra().toString());
        PendingUpdate jack = old.get(5);
        assertEquals("pipewire-jack-audio-connection-kit", jack.nevra().name());
        assertEquals(List.of(Nevra.parse("jack-audio-connection-kit-1.9.22-8.fc43.x86_64")), jack.obsoletes());

        List<PendingUpdate> current = UpdateListParser.parseTable("Upgrades\nhtop.x86_64 3.4.2-1.fc43 updates\n");
        assertEquals(List.of("htop-3.4.2-1.fc43.x86_64"), nevras(current));
    }

    @Test
    void readsDnf4WithWrappedLongNamesAndObsoletes() throws Exception {
        List<PendingUpdate> updates = UpdateListParser.parseTable(fixture("dnf4-check-update-wrapped.txt"));
        assertEquals(List.of("NetworkManager-libnm-1:1.54.2-1.fc43.x86_64", "gnome-shell-49.2-1.fc43.x86_64",
                "texlive-collection-fontsrecommended-11:svn54074-93.fc43.noarch", "grub2-tools-efi-1:2.02-87.el8_2.x86_64",
                "pipewire-jack-audio-connection-kit-libs-1.4.9-1.fc43.x86_64"), nevras(updates));
        assertEquals(List.of(Nevra.parse("grub2-tools-1:2.02-78.el8_1.1.x86_64")), updates.get(3).obsoletes());
        assertEquals(List.of(Nevra.parse("jack-audio-connection-kit-libs-1.9.22-8.fc43.x86_64")), updates.get(4).obsoletes());
    }

    @Test
    void anUpgradeThatAlsoObsoletesIsOneEntry() throws Exception {
        List<PendingUpdate> combined = UpdateListParser.combine(List.of(
                UpdateListParser.parseTable("glibc.x86_64 2.28-26.fc29 updates\n"),
                UpdateListParser.parseJson("""
                        {"obsoleting_packages":[{"name":"glibc","arch":"x86_64","evr":"2.28-26.fc29","repository":"updates",
                         "obsoletes":[{"name":"glibc-old","arch":"x86_64","evr":"1-1","repository":"fedora"}]}]}""")));
        assertEquals(1, combined.size());
        assertTrue(combined.get(0).isObsoleting());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "htop.x86_64 3.4.2-1.fc43 updates extra\n",
        "htop 3.4.2-1.fc43 updates\n",
        "htop.x86_64 3.4.2 updates\n",
        "    jack.x86_64 1.0-1 fedora\n",
        "htop.x86_64 3.4.2-1.fc43\n",
        "Error: something went wrong\n"})
    void unexpectedTablesAreRefusedWithTheLine(String text) {
        UnexpectedOutputException e = assertThrows(UnexpectedOutputException.class, () -> UpdateListParser.parseTable(text));
        assertTrue(e.getMessage().contains("line 1") || e.getMessage().contains("middle of a row"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"upgrades\": 3}", "{\"upgrades\":[{\"name\":\"x\"}]}", "{\"upgrades\":[", "not json"})
    void unexpectedJsonIsRefused(String json) {
        assertThrows(UnexpectedOutputException.class, () -> UpdateListParser.parseJson(json));
    }
}
