package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.OsReleaseParser;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.text.Text;

/** Reads {@code etc/os-release} (or {@code usr/lib/os-release}) under a root, as os-release(5) says. */
public final class OsReleaseReader {

    private final Path root;

    public OsReleaseReader(Path root) {
        this.root = root;
    }

    public Reading<OsRelease> read() {
        Path etc = root.resolve("etc/os-release");
        Path usrLib = root.resolve("usr/lib/os-release");
        Path file = Files.exists(etc) || !Files.exists(usrLib) ? etc : usrLib;
        try {
            return Reading.of(OsReleaseParser.parse(RegularFiles.readString(file, RegularFiles.SMALL)));
        } catch (NoSuchFileException e) {
            return Reading.unavailable(etc.toString(), Text.of("reading.missingAndSo", String.valueOf(usrLib)));
        } catch (IOException e) {
            return Reading.unavailable(file.toString(), Text.of("reading.cannotRead", String.valueOf(e.getMessage())));
        }
    }
}
