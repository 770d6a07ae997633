package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.text.Text;

/**
 * Downloads fresh repository metadata as the user runs Preflight, into Preflight's own cache
 * (never the system's, never as root unless Preflight runs as root), so that a check sees the
 * updates the repositories have now, not those of whenever dnf or root last looked.
 */
public final class DnfRefresher {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Target target;
    private final PackageManager manager;
    private final Clock clock;

    /** {@code target}: with Preflight's own cache set. */
    public DnfRefresher(Target target, PackageManager manager, Clock clock) {
        this.target = target;
        this.manager = manager;
        this.clock = clock;
    }

    /**
     * An Atomic desktop's refresh: {@code rpm-ostree upgrade --check} asks rpmostreed to look for
     * a new image (as the user where its polkit rules allow it); exit 77 means there is none.
     */
    private Reading<Instant> ostreeCheck() {
        String source = "rpm-ostree upgrade --check";
        try {
            CommandResult r = target.runner().run(List.of("rpm-ostree", "upgrade", "--check"), TIMEOUT);
            if (r.exitCode() != 0 && r.exitCode() != NO_UPDATE) {
                return Reading.unavailable(source, r.errorLine());
            }
            return Reading.of(clock.instant());
        } catch (CommandFailedException e) {
            return Reading.unavailable(source, e.getMessage());
        }
    }

    /** rpm-ostree upgrade --check's exit status when there is no new image. */
    static final int NO_UPDATE = 77;

    /** When the metadata was downloaded, or why it could not be. */
    public Reading<Instant> refresh() {
        String source = (manager == PackageManager.DNF4 ? "dnf-3" : "dnf5") + " makecache --refresh";
        if (manager == PackageManager.RPM_OSTREE) {
            return ostreeCheck();
        }
        if (!target.hasRpmDatabase()) {
            return Reading.unavailable(source, Text.of("reading.noRpmDatabaseNotRun"));
        }
        try {
            Files.createDirectories(target.cache().orElseThrow().host());
            CommandResult r = target.runner().run(target.dnfRefresh(manager), TIMEOUT);
            if (r.exitCode() != 0) {
                return Reading.unavailable(source, r.errorLine());
            }
            return target.cache().orElseThrow().metadataTime().map(Reading::of)
                    .orElseGet(() -> Reading.unavailable(source, Text.of("reading.noMetadataWritten")));
        } catch (IOException | CommandFailedException e) {
            return Reading.unavailable(source, e.getMessage());
        }
    }
}
