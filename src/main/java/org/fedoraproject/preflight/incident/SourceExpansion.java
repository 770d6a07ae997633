package org.fedoraproject.preflight.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns entries about a source package into entries about its binary packages on this system
 * (FEED-FORMAT.md, "Source packages"): an entry with {@code source}, or one whose {@code name}
 * is no installed or pending package but the source package of some, covers every installed and
 * pending binary package built from that source, with the same range and last good version.
 */
public final class SourceExpansion {

    /** The incidents with binary entries only, and a note for each name matched as a source. */
    public record Expanded(List<SourcedIncident> incidents, List<String> notes) {
        public Expanded {
            incidents = List.copyOf(incidents);
            notes = List.copyOf(notes);
        }
    }

    private SourceExpansion() {
    }

    /**
     * Whether some entry names a source package, so that the pending updates' own source
     * packages are worth asking dnf for. (A name matched as a source is matched through the
     * installed packages' sources, which every check has: most incidents name packages a system
     * does not have, and asking dnf each time would cost every check a quarter second.)
     */
    public static boolean needsSources(List<SourcedIncident> incidents) {
        return incidents.stream().flatMap(si -> si.incident().affected().stream()).anyMatch(a -> a.source().isPresent());
    }

    /** {@code sourceOf}: the source package of each installed and pending binary package, by name. */
    public static Expanded expand(List<SourcedIncident> incidents, Map<String, String> sourceOf) {
        Map<String, Set<String>> binariesOf = new TreeMap<>();
        sourceOf.forEach((binary, source) -> {
            if (!source.isEmpty()) {
                binariesOf.computeIfAbsent(source, s -> new TreeSet<>()).add(binary);
            }
        });
        List<SourcedIncident> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SourcedIncident si : incidents) {
            Map<String, AffectedPackage> entries = new LinkedHashMap<>();
            boolean changed = false;
            for (AffectedPackage a : si.incident().affected()) {
                String source = a.source().orElse(null);
                if (source == null && !sourceOf.containsKey(a.name()) && binariesOf.containsKey(a.name())) {
                    source = a.name();
                    notes.add(si.incident().id() + " names " + a.name() + ", which is no installed or pending package but the"
                            + " source package of " + String.join(", ", binariesOf.get(a.name())) + ": matched as a source"
                            + " (the feed should say \"source\": \"" + a.name() + "\")");
                }
                if (source == null) {
                    entries.putIfAbsent(a.name(), a);
                    continue;
                }
                // The entry for every binary built from the source here; its own name only where it is one of them.
                changed = true;
                if (sourceOf.containsKey(a.name())) {
                    entries.putIfAbsent(a.name(), a);
                }
                for (String binary : binariesOf.getOrDefault(source, Set.of())) {
                    entries.putIfAbsent(binary, a.forBinary(binary));
                }
            }
            out.add(changed ? si.withIncident(si.incident().withAffected(List.copyOf(entries.values()))) : si);
        }
        return new Expanded(out, notes);
    }
}
