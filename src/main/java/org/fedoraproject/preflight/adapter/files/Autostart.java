package org.fedoraproject.preflight.adapter.files;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.fedoraproject.preflight.adapter.desktop.BackgroundPortal;
import org.fedoraproject.preflight.adapter.desktop.DesktopException;
import org.fedoraproject.preflight.adapter.desktop.SessionBus;

/**
 * The XDG autostart entry that starts Preflight in the background at login (packaging's
 * org.fedoraproject.Preflight.autostart.desktop, carried in the jar): written to
 * {@code $XDG_CONFIG_HOME/autostart} when "start at login" is on, removed when it is off. The
 * user's own file, never /etc.
 */
public final class Autostart {

    public static final String FILE_NAME = "org.fedoraproject.Preflight.desktop";

    private final Path file;
    /** What the entry runs: {@code preflight --background}, or this very jar when Preflight was not installed. */
    private final List<String> command;

    public Autostart(Path configHome) {
        this(configHome, backgroundCommand());
    }

    Autostart(Path configHome, List<String> command) {
        this.file = configHome.resolve("autostart").resolve(FILE_NAME);
        this.command = List.copyOf(command);
    }

    /**
     * How this Preflight starts in the background: the installed {@code preflight} command when it
     * runs from an installed jar (under /usr or /app), else the same Java and jar it runs from now
     * (a jar downloaded and started by hand has no {@code preflight} on the PATH, and an entry
     * naming one would start nothing at the next login).
     */
    static List<String> backgroundCommand() {
        Optional<Path> jar = Optional.ofNullable(Autostart.class.getProtectionDomain().getCodeSource())
                .map(c -> {
                    try {
                        return Path.of(c.getLocation().toURI());
                    } catch (URISyntaxException | RuntimeException e) {
                        return null;
                    }
                })
                .filter(p -> p.toString().endsWith(".jar"));
        boolean installed = jar.map(p -> p.startsWith("/usr") || p.startsWith("/app")).orElse(true);
        if (installed) {
            return List.of("preflight", "--background");
        }
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        return List.of(javaCommand, "-jar", jar.get().toString(), "--background");
    }

    /**
     * The Exec value for these arguments as it is written in the file: an argument with anything
     * but plain characters in double quotes, where {@code " ` $ \\} are escaped with a backslash,
     * and then (the file's own string escape, applied first when it is read) every backslash
     * doubled; {@code %} doubled (the field codes). The Desktop Entry Specification, "The Exec key".
     */
    static String exec(List<String> arguments) {
        List<String> quoted = new ArrayList<>();
        for (String a : arguments) {
            String escaped = a.replace("%", "%%");
            boolean plain = escaped.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:+,@%".indexOf(c) >= 0);
            if (plain) {
                quoted.add(escaped);
                continue;
            }
            StringBuilder q = new StringBuilder("\"");
            for (char c : escaped.toCharArray()) {
                if (c == '"' || c == '`' || c == '$' || c == '\\') {
                    q.append("\\\\"); // the quoting's backslash, doubled by the string escape
                }
                q.append(c == '\\' ? "\\\\" : String.valueOf(c));
            }
            quoted.add(q.append('"').toString());
        }
        return String.join(" ", quoted);
    }

    public Path file() {
        return file;
    }

    /**
     * Writes or removes the entry; inside the Flatpak, where the host's autostart directory is out
     * of reach, asks the Background portal on the session bus instead.
     */
    public void apply(boolean on) throws IOException {
        if (SessionBus.inFlatpak()) {
            try (SessionBus bus =
                         SessionBus.connect(System.getenv())) {
                BackgroundPortal.requestAutostart(bus.connection(), on);
                return;
            } catch (DesktopException | RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        writeEntry(on);
    }

    private void writeEntry(boolean on) throws IOException {
        if (!on) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        try (var entry = Autostart.class.getResourceAsStream("org.fedoraproject.Preflight.autostart.desktop")) {
            if (entry == null) {
                throw new IOException("the autostart entry is missing from Preflight's jar");
            }
            String text = new String(entry.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(file, text.replaceFirst("(?m)^Exec=.*$", Matcher.quoteReplacement("Exec=" + exec(command))));
        }
    }
}
