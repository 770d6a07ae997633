package org.fedoraproject.preflight.adapter.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;

/** The package-private reader, for the benchmark in another package. */
public final class RepodataAdvisoriesProbe {

    private RepodataAdvisoriesProbe() {
    }

    public static Optional<List<Advisory>> read(Path cache, List<InstalledPackage> installed, List<PendingUpdate> pending) {
        return new RepodataAdvisories(cache, Optional.empty()).read(installed, pending);
    }
}
