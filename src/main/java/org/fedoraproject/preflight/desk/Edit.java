package org.fedoraproject.preflight.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.rpm.Evr;

/**
 * {@code desk update}: the changes a SIG member asks for, checked, applied, and said in one new
 * timeline entry (the status it sets, if it changes, and what changed or the member's note).
 */
public record Edit(Optional<String> status, Optional<String> severity, Optional<String> title, Optional<String> summary,
                   Optional<String> workaround, Optional<String> fixExpected, Optional<String> fixed, Optional<String> fixUpdate,
                   Optional<String> note) {

    /** Why an edit is refused, in a person's words. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    public DeskIncident apply(DeskIncident i, Instant now) throws Refused {
        List<String> said = new ArrayList<>();
        String newStatus = i.status();
        if (status.isPresent()) {
            newStatus = IncidentStatus.of(status.get()).map(IncidentStatus::id)
                    .orElseThrow(() -> new Refused("\"" + status.get() + "\" is not a status (investigating, identified, fix-testing, "
                            + "resolved)"));
        }
        String newSeverity = i.severity();
        if (severity.isPresent()) {
            newSeverity = Severity.of(severity.get()).map(Severity::id)
                    .orElseThrow(() -> new Refused("\"" + severity.get() + "\" is not a severity (critical, major, minor)"));
            if (!newSeverity.equals(i.severity())) {
                said.add("Severity " + newSeverity + ".");
            }
        }
        String newFixExpected = i.fixExpected();
        if (fixExpected.isPresent()) {
            try {
                newFixExpected = LocalDate.parse(fixExpected.get()).toString();
            } catch (DateTimeParseException e) {
                throw new Refused("\"" + fixExpected.get() + "\" is not a date (YYYY-MM-DD)");
            }
            said.add("Fix expected " + newFixExpected + ".");
        }
        List<DeskIncident.Entry> affected = i.affected();
        if (fixed.isPresent()) {
            Evr evr;
            try {
                evr = Evr.parse(fixed.get());
            } catch (IllegalArgumentException e) {
                throw new Refused("\"" + fixed.get() + "\" is not a version-release ([epoch:]version-release)");
            }
            affected = affected.stream().map(e -> new DeskIncident.Entry(e.name(), e.source(), e.introduced(), fixed.get(),
                    e.lastGood())).toList();
            said.add("Fixed in " + evr + ".");
        }
        List<String> fixUpdates = new ArrayList<>(i.fixUpdates());
        if (fixUpdate.isPresent()) {
            if (!Drafts.ALIAS.matcher(fixUpdate.get()).matches()) {
                throw new Refused("\"" + fixUpdate.get() + "\" is not a Bodhi update ID (FEDORA-YYYY-xxxxxxxxxx)");
            }
            if (!fixUpdates.contains(fixUpdate.get())) {
                fixUpdates.add(fixUpdate.get());
                said.add("Fix update " + fixUpdate.get() + ".");
            }
        }
        title.ifPresent(t -> said.add("Title changed."));
        summary.ifPresent(t -> said.add("Summary changed."));
        workaround.ifPresent(t -> said.add("Workaround changed."));
        boolean statusChanged = !newStatus.equals(i.status());
        if (statusChanged) {
            said.add(0, "Status " + newStatus + ".");
        }
        String text = note.orElse(String.join(" ", said));
        if (text.isBlank()) {
            throw new Refused("nothing to change: give --status, --severity, --title, --summary, --workaround, --fix-expected, "
                    + "--fixed, --fix-update or --note");
        }
        List<DeskIncident.Event> timeline = new ArrayList<>(i.timeline());
        timeline.add(new DeskIncident.Event(now, statusChanged ? newStatus : "", text));
        Optional<Instant> resolved = newStatus.equals("resolved") ? i.resolved().or(() -> Optional.of(now)) : Optional.empty();
        return new DeskIncident(i.id(), title.orElse(i.title()), newStatus, newSeverity, i.releases(), i.variants(), i.arches(),
                i.published(), now, resolved, affected, i.badUpdates(), fixUpdates, newFixExpected, i.fixNote(), i.links(),
                timeline, summary.orElse(i.summary()), workaround.orElse(i.workaround()), i.postmortem());
    }
}
