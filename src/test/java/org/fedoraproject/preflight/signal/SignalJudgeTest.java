package org.fedoraproject.preflight.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.junit.jupiter.api.Test;

class SignalJudgeTest {

    private static UpdateAssessment ok(String nevra) {
        return new UpdateAssessment(new PendingUpdate(Nevra.parse(nevra), "updates", List.of()), Optional.of(Evr.parse("1-1")),
                UpdateVerdict.OK, List.of(), List.of());
    }

    private static BodhiUpdate bodhi(String status, int karma, int negative) {
        List<BodhiUpdate.Comment> comments = IntStream.range(0, negative)
                .mapToObj(k -> new BodhiUpdate.Comment("u" + k, Instant.EPOCH, "broke", -1)).toList();
        return new BodhiUpdate("FEDORA-2026-x", status, karma, comments, List.of(), "unspecified", false, Optional.empty(),
                List.of("mesa-dri-drivers-25.1.6-1.fc43"), "https://bodhi.fedoraproject.org/updates/FEDORA-2026-x");
    }

    private static Signals with(BodhiUpdate u) {
        return Signals.of(Map.of("mesa-dri-drivers-25.1.6-1.fc43", u), List.of());
    }

    @Test
    void negativeFeedbackMakesCautionAndOnlyAnUnpushedUpdateHolds() {
        Assessment safe = new Assessment(Verdict.SAFE, List.of(ok("mesa-dri-drivers-25.1.6-1.fc43.x86_64"), ok("htop-3.4.2-1.fc43.x86_64")),
                List.of());
        Assessment judged = SignalJudge.apply(safe, with(bodhi("testing", -2, 2)));
        assertEquals(Verdict.CAUTION, judged.verdict());
        assertEquals(UpdateVerdict.CAUTION, judged.updates().get(0).verdict());
        assertEquals(UpdateVerdict.OK, judged.updates().get(1).verdict());
        assertEquals("mesa-dri-drivers 25.1.6-1.fc43: negative feedback in Bodhi: update FEDORA-2026-x is testing with karma -2"
                + " and 2 negative comment(s); u0: \"broke\"; u1: \"broke\"", judged.updates().get(0).evidence().get(0),
                "the reason, with what the testers said");
        Assessment unpushed = SignalJudge.apply(safe, with(bodhi("unpushed", 0, 0)));
        assertEquals(UpdateVerdict.HOLD, unpushed.updates().get(0).verdict(), "Bodhi took the update back: strong evidence");
        assertEquals(Verdict.HOLD, unpushed.verdict());
        assertTrue(unpushed.updates().get(0).evidence().get(0).contains("derived from Bodhi"), unpushed.updates().toString());
        assertEquals(Verdict.SAFE, SignalJudge.apply(safe, with(bodhi("stable", 3, 0))).verdict(), "good karma changes nothing");
        Assessment hold = new Assessment(Verdict.HOLD, safe.updates(), List.of());
        assertEquals(Verdict.HOLD, SignalJudge.apply(hold, with(bodhi("testing", -5, 0))).verdict());
        assertTrue(SignalJudge.apply(safe, with(bodhi("testing", -2, 0))).updates().stream()
                .noneMatch(u -> u.verdict() == UpdateVerdict.HOLD), "negative karma above the unstable threshold never holds");
        Assessment unstable = SignalJudge.apply(safe, with(bodhi("stable", -3, 3)));
        assertEquals(UpdateVerdict.HOLD, unstable.updates().get(0).verdict(),
                "karma -3: where Bodhi itself takes an update in testing back");
        assertTrue(unstable.updates().get(0).evidence().get(0).contains("at or below its unstable threshold (-3)"),
                unstable.updates().get(0).evidence().toString());
        assertEquals("mesa-dri-drivers-25.1.6-1.fc43", SignalJudge.nvr(safe.updates().get(0).update()));
    }

    @Test
    void theAdvisoryNamesTheBodhiUpdateExactlyAndBugsFiledSinceAreEvidence() {
        PendingUpdate dri = new PendingUpdate(Nevra.parse("mesa-dri-drivers-25.1.6-1.fc43.x86_64"), "updates", List.of());
        Advisory advisory = new Advisory(
                "FEDORA-2026-5d1e2f3a4b", "bugfix", "Moderate", Optional.empty(), List.of(dri.nevra()), List.of(2400001L));
        BodhiUpdate mesa = new BodhiUpdate("FEDORA-2026-5d1e2f3a4b", "testing", -1, List.of(), List.of(), "unspecified", false,
                Optional.empty(), List.of("mesa-25.1.6-1.fc43"), "https://b/updates/FEDORA-2026-5d1e2f3a4b");
        BodhiUpdate wrong = new BodhiUpdate("FEDORA-2026-other", "stable", 2, List.of(), List.of(), "unspecified", false,
                Optional.empty(), List.of("mesa-dri-drivers-25.1.6-1.fc43"), "https://b/updates/FEDORA-2026-other");
        Bug low = new Bug(1, "a typo", "mesa", List.of("43"), "NEW", "", true, List.of(), List.of(), "low", Instant.EPOCH);
        Bug high = new Bug(2, "black screen", "mesa", List.of("43"), "NEW", "", true, List.of(), List.of(), "high",
                Instant.EPOCH);
        Signals s = new Signals(Map.of("mesa-dri-drivers-25.1.6-1.fc43", wrong), Map.of(mesa.alias(), mesa), List.of(advisory),
                List.of(), List.of(), Map.of(dri.nevra(), List.of(low)), List.of(), List.of(), List.of());
        assertEquals(Optional.of(mesa), SignalJudge.bodhiOf(dri, s), "the advisory's alias wins over a guessed build");
        Assessment safe = new Assessment(Verdict.SAFE, List.of(ok("mesa-dri-drivers-25.1.6-1.fc43.x86_64")), List.of());
        Assessment judged = SignalJudge.apply(safe, s);
        assertEquals(UpdateVerdict.CAUTION, judged.updates().get(0).verdict(), "negative karma of the advisory's update");
        assertTrue(judged.updates().get(0).evidence().get(1).contains("1 open bug(s) filed since its update was issued"),
                judged.updates().get(0).evidence().toString());
        Signals onlyBugs = new Signals(Map.of(), Map.of(), List.of(advisory), List.of(), List.of(),
                Map.of(dri.nevra(), List.of(low)), List.of(), List.of(), List.of());
        assertEquals(UpdateVerdict.OK, SignalJudge.apply(safe, onlyBugs).updates().get(0).verdict(), "a low bug is evidence only");
        Signals serious = new Signals(Map.of(), Map.of(), List.of(advisory), List.of(), List.of(),
                Map.of(dri.nevra(), List.of(low, high)), List.of(), List.of(), List.of());
        Assessment careful = SignalJudge.apply(safe, serious);
        assertEquals(UpdateVerdict.CAUTION, careful.updates().get(0).verdict());
        assertEquals(Verdict.CAUTION, careful.verdict());
        assertTrue(careful.updates().get(0).evidence().get(0).contains("bug 2 (black screen)"), careful.updates().toString());
    }

    @Test
    void aSubpackageIsFoundByTheNamesItsSourcePackageMayHave() {
        PendingUpdate dri = new PendingUpdate(Nevra.parse("mesa-dri-drivers-25.1.6-1.fc43.x86_64"), "updates", List.of());
        assertEquals(List.of("mesa-dri-drivers-25.1.6-1.fc43", "mesa-dri-25.1.6-1.fc43", "mesa-25.1.6-1.fc43"),
                SignalJudge.candidates(dri));
        BodhiUpdate mesa = new BodhiUpdate("FEDORA-2026-mesa", "testing", -1, List.of(), List.of(), "unspecified", false,
                Optional.empty(), List.of("mesa-25.1.6-1.fc43"), "https://b/updates/FEDORA-2026-mesa");
        Signals s = Signals.of(Map.of("mesa-25.1.6-1.fc43", mesa), List.of());
        assertEquals(Optional.of(mesa), SignalJudge.bodhiOf(dri, s));
        assertEquals(Optional.of("mesa-25.1.6-1.fc43"), SignalJudge.buildOf(dri, s));
        PendingUpdate other = new PendingUpdate(Nevra.parse("mesa-dri-drivers-25.1.7-1.fc43.x86_64"), "updates", List.of());
        assertEquals(Optional.empty(), SignalJudge.bodhiOf(other, s), "another version is another build");
        assertEquals(List.of("htop-3.4.2-1.fc43"), SignalJudge.candidates(
                new PendingUpdate(Nevra.parse("htop-3.4.2-1.fc43.x86_64"), "updates", List.of())));
    }

    @Test
    void aTopicMatchesOnlyAPackageItNamesAsAWord() {
        CommonIssue mesa = new CommonIssue(1, "Black screen after the mesa-dri-drivers update on Intel Arc", "https://d/t/1",
                Instant.EPOCH, List.of());
        CommonIssue vague = new CommonIssue(2, "Graphics trouble with mesafoo", "https://d/t/2", Instant.EPOCH, List.of());
        List<SignalJudge.LooseMatch> matches = SignalJudge.looseMatches(List.of(mesa, vague),
                Set.of("mesa-dri-drivers", "mesa", "on", "htop"));
        assertEquals(List.of(new SignalJudge.LooseMatch(mesa, "mesa-dri-drivers")), matches);
    }
}
