package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColorSchemeReaderTest {

    @TempDir
    Path config;

    private final List<List<String>> ran = new ArrayList<>();

    private CommandRunner gsettings(String answer, int exit) {
        return (command, timeout) -> {
            ran.add(command);
            return new CommandResult(command, exit, answer, "");
        };
    }

    @Test
    void theOverrideAndGtkThemeComeFirst() {
        assertEquals(true, new ColorSchemeReader(Map.of("PREFLIGHT_COLOR_SCHEME", "dark"), gsettings("'default'", 0)).prefersDark());
        assertEquals(false, new ColorSchemeReader(Map.of("PREFLIGHT_COLOR_SCHEME", "light", "GTK_THEME", "Adwaita:dark"),
                gsettings("'prefer-dark'", 0)).prefersDark());
        assertEquals(true, new ColorSchemeReader(Map.of("GTK_THEME", "Adwaita:dark"), gsettings("'default'", 0)).prefersDark());
        assertEquals(List.of(), ran, "no command when the environment decides");
    }

    @Test
    void gnomeIsAskedThroughGsettings() {
        Map<String, String> gnome = Map.of("XDG_CURRENT_DESKTOP", "GNOME");
        assertEquals(true, new ColorSchemeReader(gnome, gsettings("'prefer-dark'\n", 0)).prefersDark());
        assertEquals(false, new ColorSchemeReader(gnome, gsettings("'default'\n", 0)).prefersDark());
        assertEquals(false, new ColorSchemeReader(gnome, gsettings("", 1)).prefersDark());
        assertEquals(false, new ColorSchemeReader(gnome, (c, t) -> {
            throw new CommandFailedException("gsettings: not found");
        }).prefersDark());
        assertEquals(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"), ran.get(0));
    }

    @Test
    void kdeIsReadFromKdeglobals() throws Exception {
        Map<String, String> kde = Map.of("XDG_CURRENT_DESKTOP", "KDE", "XDG_CONFIG_HOME", config.toString());
        assertEquals(false, new ColorSchemeReader(kde, gsettings("", 0)).prefersDark(), "no kdeglobals");
        Files.writeString(config.resolve("kdeglobals"), "[General]\nColorScheme=BreezeDark\n");
        assertEquals(true, new ColorSchemeReader(kde, gsettings("", 0)).prefersDark());
        Files.writeString(config.resolve("kdeglobals"), "[General]\nColorScheme=BreezeLight\n");
        assertEquals(false, new ColorSchemeReader(kde, gsettings("", 0)).prefersDark());
        assertEquals(List.of(), ran);
    }
}
