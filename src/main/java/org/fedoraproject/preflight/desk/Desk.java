package org.fedoraproject.preflight.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * A desk: a directory (a git checkout of the SIG's desk repository) with {@code desk.toml} (who
 * publishes, where, with which key) and {@code incidents/}, one file per incident named by its
 * ID. Nothing else is shared between incidents, so two members drafting on two branches touch
 * two different files.
 */
public final class Desk {

    /** A second draft of an incident that is on the desk already: refused, it is the duplicate it looks like. */
    public static final class AlreadyThere extends IOException {
        private static final long serialVersionUID = 1L;

        AlreadyThere(String message) {
            super(message);
        }
    }

    /** What desk.toml says. */
    public record Settings(String publisher, String feedUrl, String siteUrl, String key) {
    }

    public static final String SETTINGS = "desk.toml";
    public static final String INCIDENTS = "incidents";
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path dir;

    private Desk(Path dir) {
        this.dir = dir;
    }

    /** Makes a desk in {@code dir}; refuses one that is there already. */
    public static Desk init(Path dir, Settings settings) throws IOException {
        if (Files.exists(dir.resolve(SETTINGS))) {
            throw new IOException(dir.resolve(SETTINGS) + " exists already: this is a desk");
        }
        Files.createDirectories(dir.resolve(INCIDENTS));
        String text = "# The SIG desk: what `preflight desk publish` puts in the feed and on the status site.\n"
                + "publisher = " + IncidentFile.quoted(settings.publisher()) + "\n"
                + "feed_url = " + IncidentFile.quoted(settings.feedUrl()) + "\n"
                + "site_url = " + IncidentFile.quoted(settings.siteUrl()) + "\n"
                + "# The private signing key (from `preflight feed keygen`); keep it out of the repository.\n"
                + "key = " + IncidentFile.quoted(settings.key()) + "\n";
        Files.writeString(dir.resolve(SETTINGS), text, StandardCharsets.UTF_8);
        // git keeps no empty directory: the incidents folder is there in every checkout.
        Files.writeString(dir.resolve(INCIDENTS).resolve(".gitkeep"), "", StandardCharsets.UTF_8);
        return new Desk(dir);
    }

    /** The desk in {@code dir}, or why it is none. */
    public static Desk open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(SETTINGS)) || !Files.isDirectory(dir.resolve(INCIDENTS))) {
            throw new IOException(dir.toAbsolutePath().normalize() + " is not a desk (no " + SETTINGS + " and " + INCIDENTS
                    + "/; make one with preflight desk init DIR)");
        }
        return new Desk(dir);
    }

    public Settings settings() throws IOException {
        TomlParseResult toml = Toml.parse(dir.resolve(SETTINGS));
        if (toml.hasErrors()) {
            throw new IOException(dir.resolve(SETTINGS) + ": " + toml.errors().get(0).getMessage());
        }
        return new Settings(toml.getString("publisher", () -> ""), toml.getString("feed_url", () -> ""),
                toml.getString("site_url", () -> ""), toml.getString("key", () -> ""));
    }

    public Path dir() {
        return dir;
    }

    /** The file of an incident: incidents/ID.md. */
    public Path file(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("\"" + id + "\" is not an incident ID (letters, digits, . _ -)");
        }
        return dir.resolve(INCIDENTS).resolve(id + ".md");
    }

    /** The IDs on the desk, sorted. */
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(INCIDENTS))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted()
                    .forEach(n -> ids.add(n.substring(0, n.length() - 3)));
        }
        return ids;
    }

    /** The ID on the desk that matches, ignoring case (fps-2026-0042 is FPS-2026-0042). */
    public Optional<String> find(String id) throws IOException {
        return ids().stream().filter(i -> i.equalsIgnoreCase(id)).findFirst();
    }

    /** The incidents of these IDs that can be read; each one that cannot is named in {@code problems}. */
    public List<DeskIncident> read(List<String> ids, List<String> problems) throws IOException {
        List<DeskIncident> incidents = new ArrayList<>();
        for (String id : ids) {
            Optional<DeskIncident> read = IncidentFile.read(text(id)).incident();
            read.ifPresentOrElse(incidents::add, () -> problems.add(INCIDENTS + "/" + id + ".md cannot be read; left out"));
        }
        return incidents;
    }

    public String text(String id) throws IOException {
        return Files.readString(file(id), StandardCharsets.UTF_8);
    }

    /** Writes the incident to its file; {@code fresh}: refuse to replace one (a second draft of the same source). */
    public Path write(DeskIncident incident, boolean fresh) throws IOException {
        Path file = file(incident.id());
        if (fresh && Files.exists(file)) {
            throw new AlreadyThere(incident.id() + " is on the desk already: " + file);
        }
        Path temp = Files.createTempFile(file.getParent(), ".draft", ".md");
        Files.writeString(temp, IncidentFile.write(incident), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
