package org.fedoraproject.preflight.desk.site;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lessons-learned page: the medians and counts, and one row per incident with its stages in words ("—" unknown). */
public record SiteReview(int incidents, String toIdentified, String toFixTesting, String toFixStable,
                         Map<String, Integer> byComponent, Map<String, Integer> byRelease, List<Row> rows) {

    /** One incident's stages. */
    public record Row(String id, String href, String title, String components, String toIdentified, String toFixTesting,
                      String toFixStable) {
    }

    public SiteReview {
        // Sorted, so that the page lists them in one order every time.
        byComponent = Collections.unmodifiableMap(new TreeMap<>(byComponent));
        byRelease = Collections.unmodifiableMap(new TreeMap<>(byRelease));
        rows = List.copyOf(rows);
    }
}
