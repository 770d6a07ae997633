package org.fedoraproject.preflight.assess;

import static org.fedoraproject.preflight.assess.AssessorTest.assess;
import static org.fedoraproject.preflight.assess.AssessorTest.installed;
import static org.fedoraproject.preflight.assess.AssessorTest.update;
import static org.fedoraproject.preflight.assess.AssessorTest.verdicts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What was not checked is never ok. */
class AssessmentTest {

    @Test
    void withoutIncidentDataAnOkUpdateIsNotChecked() {
        Assessment checked = assess(installed("htop-3.4.1-1.fc43.x86_64", "nano-8.4-1.fc43.x86_64"),
                List.of(update("htop-3.4.2-1.fc43.x86_64"), update("nano-8.5-1.fc43.x86_64")));
        assertEquals(Map.of("htop", "ok", "nano", "ok"), verdicts(checked));
        Assessment unchecked = checked.unchecked("no incident feed could be read");
        assertEquals(Map.of("htop", "unknown", "nano", "unknown"), verdicts(unchecked));
        assertTrue(unchecked.updates().stream().allMatch(u -> !u.verdict().checked()));
        assertTrue(unchecked.updates().get(0).evidence().contains("not checked: no incident feed could be read"),
                unchecked.updates().get(0).evidence().toString());
    }

    @Test
    void whatWasFoundAgainstAnUpdateStays() {
        Assessment checked = assess(installed("firefox-146.0~b3-0.1.fc43.x86_64"), List.of(update("firefox-146.0-1.fc43.x86_64")));
        UpdateAssessment ok = checked.updates().get(0);
        UpdateAssessment bodhi = new UpdateAssessment(ok.update(), ok.from(), UpdateVerdict.CAUTION, List.of(),
                List.of("negative karma in Bodhi"));
        Assessment withBodhi = new Assessment(Verdict.CAUTION, List.of(bodhi), List.of());
        assertEquals(UpdateVerdict.CAUTION, withBodhi.unchecked("no feed").updates().get(0).verdict());
        assertEquals(Optional.of(ok.from().orElseThrow()), withBodhi.unchecked("no feed").updates().get(0).from());
    }
}
