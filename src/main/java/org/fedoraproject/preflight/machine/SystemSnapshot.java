package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything Preflight read from one machine at one moment. Each part is a {@link Reading}: a
 * part that could not be read says why, and the others still stand.
 */
public record SystemSnapshot(Reading<OsRelease> os, Reading<PackageManager> manager,
                             Reading<List<InstalledPackage>> installed, Reading<PendingUpdates> pending,
                             History history, List<Deployment> deployments, Instant takenAt, Boot boot) {

    public SystemSnapshot {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(installed, "installed");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(history, "history");
        deployments = List.copyOf(deployments);
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(boot, "boot");
    }

    /** Every part that could not be read, for the user to see; the same reason once. */
    public List<Reading.Unavailable<?>> problems() {
        List<Reading.Unavailable<?>> problems = new ArrayList<>();
        for (Reading<?> part : List.of(os, manager, installed, pending, boot.installonly())) {
            if (part instanceof Reading.Unavailable<?> unavailable) {
                problems.add(unavailable);
            }
        }
        problems.addAll(history.problems());
        return problems.stream().distinct().toList();
    }
}
