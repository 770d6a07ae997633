package org.fedoraproject.preflight.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A known-bad update and what to do about it, as an incident feed publishes it. Empty
 * {@code releases}, {@code variants} or {@code arches} mean "all".
 */
public record Incident(String id, String title, String summary, IncidentStatus status, Severity severity,
                       Instant published, Instant modified, Optional<Instant> resolved,
                       List<String> releases, List<String> variants, List<String> arches,
                       List<AffectedPackage> affected, List<String> badUpdates, Fix fix,
                       List<Workaround> workarounds, List<Link> links, List<TimelineEntry> timeline) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(resolved, "resolved");
        releases = List.copyOf(releases);
        variants = List.copyOf(variants);
        arches = List.copyOf(arches);
        affected = List.copyOf(affected);
        badUpdates = List.copyOf(badUpdates);
        Objects.requireNonNull(fix, "fix");
        workarounds = List.copyOf(workarounds);
        links = List.copyOf(links);
        timeline = List.copyOf(timeline);
    }

    /** Whether the incident is about this release, edition and arch (empty lists match everything). */
    public boolean appliesTo(String release, String variant, String arch) {
        return matches(releases, release) && matches(variants, variant) && matches(arches, arch);
    }

    /** The same incident with other affected entries (its source entries expanded to binary packages). */
    public Incident withAffected(List<AffectedPackage> entries) {
        return new Incident(id, title, summary, status, severity, published, modified, resolved, releases, variants, arches,
                entries, badUpdates, fix, workarounds, links, timeline);
    }

    /** Whether the incident is about this release at all (FEED-FORMAT.md, "Scope"). */
    public boolean forRelease(String release) {
        return matches(releases, release);
    }

    /**
     * Whether a package of {@code packageArch} on a machine of {@code machineArch} and edition
     * {@code variant} is within the incident's scope: {@code arches} names the arch of the package
     * as rpm installed it (so {@code i686} matches the 32-bit build on an x86_64 machine), and a
     * noarch package is within it when the machine's arch is listed. Scope narrows who is told
     * <em>at risk</em>; it never hides an installed affected version (see Assessor).
     */
    public boolean inScope(String variant, String packageArch, String machineArch) {
        boolean arch = arches.isEmpty() || arches.contains(packageArch)
                || (packageArch.equals("noarch") && arches.contains(machineArch));
        return matches(variants, variant) && arch;
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
