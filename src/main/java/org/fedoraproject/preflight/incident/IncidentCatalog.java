package org.fedoraproject.preflight.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incidents of several feeds (the official one and the user's), merged by id. When two
 * feeds carry the same incident, the copy modified last wins, and on a tie the feed listed
 * first; the other feeds are remembered with it.
 */
public final class IncidentCatalog {

    /** A feed and where it came from. */
    public record Published(String source, Feed feed) {
    }

    private IncidentCatalog() {
    }

    public static List<SourcedIncident> merge(List<Published> feeds) {
        Map<String, SourcedIncident> byId = new LinkedHashMap<>();
        for (Published published : feeds) {
            for (Incident incident : published.feed().incidents()) {
                SourcedIncident candidate = new SourcedIncident(incident, published.source(), List.of());
                byId.merge(incident.id(), candidate, (kept, next) -> {
                    boolean newer = next.incident().modified().isAfter(kept.incident().modified());
                    SourcedIncident winner = newer ? next : kept;
                    SourcedIncident other = newer ? kept : next;
                    List<String> also = new ArrayList<>(winner.alsoIn());
                    also.add(other.source());
                    also.addAll(other.alsoIn());
                    return new SourcedIncident(winner.incident(), winner.source(), also);
                });
            }
        }
        return List.copyOf(byId.values());
    }
}
