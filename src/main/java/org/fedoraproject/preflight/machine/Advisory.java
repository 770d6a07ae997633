package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * An advisory of the repositories' updateinfo, as dnf reads it: the Bodhi update
 * ({@code FEDORA-2026-…}) that pending packages belong to, its type and severity, and the bugs it
 * fixes (Bugzilla ids). It is the join key between a pending package and Bodhi or Bugzilla.
 */
public record Advisory(String id, String type, String severity, Optional<Instant> issued, List<Nevra> packages,
                       List<Long> bugs) {

    public Advisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(issued, "issued");
        packages = List.copyOf(packages);
        bugs = List.copyOf(bugs);
    }

    /** Bodhi's alias form: FEDORA-2026-5d1e2f3a4b (also FEDORA-EPEL-…, FEDORA-FLATPAK-…). */
    public static boolean isBodhiAlias(String id) {
        return id.matches("FEDORA(-[A-Z]+)?-[0-9]{4}-[0-9a-f]{6,20}");
    }

    /** Whether this advisory ships that package build (same name, version, release and arch). */
    public boolean ships(Nevra nevra) {
        // A loop, not a stream: every pending update is looked up in every advisory, several times a check.
        for (Nevra p : packages) {
            if (p.name().equals(nevra.name()) && p.arch().equals(nevra.arch())
                    && p.evr().version().equals(nevra.evr().version()) && p.evr().release().equals(nevra.evr().release())) {
                return true;
            }
        }
        return false;
    }
}
