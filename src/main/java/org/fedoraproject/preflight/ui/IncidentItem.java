package org.fedoraproject.preflight.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.SourcedIncident;

/** One row of the incident list: the incident, and how it concerns this system (empty: it does not). */
record IncidentItem(SourcedIncident sourced, Optional<IncidentAssessment> assessment) {

    Incident incident() {
        return sourced.incident();
    }

    String id() {
        return sourced.incident().id();
    }

    /** Those concerning this machine first (in the assessment's order), then the others for this release. */
    static List<IncidentItem> of(CheckReport report) {
        List<IncidentItem> items = new ArrayList<>();
        for (IncidentAssessment i : report.assessment().incidents()) {
            items.add(new IncidentItem(i.incident(), Optional.of(i)));
        }
        for (SourcedIncident other : report.otherIncidentsForThisSystem()) {
            items.add(new IncidentItem(other, Optional.empty()));
        }
        return items;
    }
}
