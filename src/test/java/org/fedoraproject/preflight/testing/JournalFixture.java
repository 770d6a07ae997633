package org.fedoraproject.preflight.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real journal files for tests, without journald: entries written in the journal's export format
 * and turned into a journal file by Debian's {@code systemd-journal-remote}, read back by the
 * real {@code journalctl --directory}.
 */
public final class JournalFixture {

    public static final String COREDUMP = "fc2e22bc6ee647b6b90729ab34a250b1";
    public static final String UNIT_FAILED = "d9b373ed55a64feb8242e02dbe79a49c";
    public static final String STARTUP_FINISHED = "b07a249cd024414a82dd00cd181378ff";
    static final Path REMOTE = Path.of("/lib/systemd/systemd-journal-remote");

    private final ByteArrayOutputStream export = new ByteArrayOutputStream();
    private long monotonic = 1_000_000;

    /** An entry: text fields, and binary ones (a value that is not UTF-8 is written as the export format's binary field). */
    public JournalFixture entry(Instant at, String boot, Map<String, String> fields, Map<String, byte[]> binary) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("__REALTIME_TIMESTAMP", String.valueOf(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000));
        all.put("__MONOTONIC_TIMESTAMP", String.valueOf(monotonic += 1000));
        all.put("_BOOT_ID", boot);
        all.put("_TRANSPORT", "journal");
        all.put("MESSAGE", "entry");
        all.putAll(fields);
        all.forEach((k, v) -> write((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        binary.forEach((k, v) -> {
            write((k + "\n").getBytes(StandardCharsets.UTF_8));
            write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v.length).array());
            write(v);
            write(new byte[] {'\n'});
        });
        write(new byte[] {'\n'});
        return this;
    }

    /** A coredump of {@code exe}, from source package {@code program} at {@code version}, with these modules' notes. */
    public JournalFixture crash(Instant at, String boot, String exe, String program, String version, List<String[]> modules) {
        StringBuilder notes = new StringBuilder("{\"" + exe + "\":{\"type\":\"rpm\",\"name\":\"" + program + "\",\"version\":\"" + version + "\"}");
        for (String[] m : modules) {
            notes.append(",\"").append(m[0]).append("\":{\"type\":\"rpm\",\"name\":\"").append(m[1]).append("\",\"version\":\"")
                    .append(m[2]).append("\"}");
        }
        notes.append('}');
        return entry(at, boot, Map.of("MESSAGE_ID", COREDUMP, "COREDUMP_EXE", exe, "COREDUMP_SIGNAL", "11", "COREDUMP_PACKAGE_NAME",
                program, "COREDUMP_PACKAGE_VERSION", version, "COREDUMP_PACKAGE_JSON", notes.toString()), Map.of());
    }

    private void write(byte[] bytes) {
        export.write(bytes, 0, bytes.length);
    }

    /** Writes the journal into {@code dir} (as system.journal) and returns the directory. */
    public Path writeTo(Path dir) throws IOException {
        Tools.require("journalctl");
        if (!Files.isExecutable(REMOTE)) {
            Tools.missing(REMOTE + " (Debian's systemd-journal-remote) is not installed");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("fixture.export");
        Files.write(file, export.toByteArray());
        Processes.Result r = Processes.run(List.of(REMOTE.toString(), "--output=" + dir.resolve("system.journal"), file.toString()),
                null, Map.of());
        if (r.exitCode() != 0) {
            throw new IOException("systemd-journal-remote: " + r.stderr());
        }
        Files.delete(file);
        return dir;
    }
}
