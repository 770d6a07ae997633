package org.fedoraproject.preflight.desk.site;

import java.util.List;

/** The status site's front page: ongoing incidents first, then the resolved ones. */
public record SiteIndex(String publisher, String generated, String feedUrl, List<SiteIncident> ongoing, List<SiteIncident> resolved) {

    public SiteIndex {
        ongoing = List.copyOf(ongoing);
        resolved = List.copyOf(resolved);
    }
}
