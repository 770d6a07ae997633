package org.fedoraproject.preflight.system;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;

/**
 * Downloads fresh repository metadata as the user runs Preflight, into Preflight's own cache
 * (never the system's, never as root unless Preflight runs as root), so that a check sees the
 * updates the repositories have now, not those of whenever dnf or root last looked.
 */
public final class DnfRefresher {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Target target;
    private final PackageManager manager;

    /** {@code target}: with Preflight's own cache set. */
    public DnfRefresher(Target target, PackageManager manager) {
        this.target = target;
        this.manager = manager;
    }

    /** When the metadata was downloaded, or why it could not be. */
    public Reading<Instant> refresh() {
        String source = (manager == PackageManager.DNF4 ? "dnf-3" : "dnf5") + " makecache --refresh";
        if (manager == PackageManager.RPM_OSTREE) {
            return Reading.unavailable(source, "an Atomic desktop's updates are one image: rpm-ostree upgrade --check");
        }
        if (!target.hasRpmDatabase()) {
            return Reading.unavailable(source, "not run: the system has no rpm database");
        }
        try {
            Files.createDirectories(target.cache().orElseThrow().host());
            CommandResult r = target.runner().run(target.dnfRefresh(manager), TIMEOUT);
            if (r.exitCode() != 0) {
                return Reading.unavailable(source, r.errorLine());
            }
            return target.cache().orElseThrow().metadataTime().map(Reading::of)
                    .orElseGet(() -> Reading.unavailable(source, "no metadata was written"));
        } catch (IOException | CommandFailedException e) {
            return Reading.unavailable(source, e.getMessage());
        }
    }
}
