package org.fedoraproject.preflight.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.system.SystemReader;

/** Use case: read the machine (or the system under a root) into domain values. */
public final class Inspection {

    private final Targets targets;
    private final Executor executor;
    private final Clock clock;

    public Inspection(Targets targets, Executor executor, Clock clock) {
        this.targets = targets;
        this.executor = executor;
        this.clock = clock;
    }

    public SystemSnapshot snapshot(Optional<Path> root) {
        return reader(root).read();
    }

    public History history(Optional<Path> root) {
        return reader(root).readHistory();
    }

    /** The snapshot without its history; the history is then read per package by {@link #history(Optional, Set)}. */
    public SystemSnapshot snapshotWithoutHistory(Optional<Path> root) {
        return reader(root).readWithoutHistory();
    }

    public History history(Optional<Path> root, Set<String> names) {
        return reader(root).readHistory(names);
    }

    private SystemReader reader(Optional<Path> root) {
        return new SystemReader(targets.resolve(root), executor, clock);
    }
}
