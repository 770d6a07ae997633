package org.fedoraproject.preflight.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The merge order the README's History section states, on hand-made transactions. */
class HistoryTest {

    private static Transaction tx(HistorySource source, long id, String start, String end) {
        return new Transaction(source, id, Instant.parse(start), Optional.ofNullable(end).map(Instant::parse), 1000,
                "test " + id, "ok", "43", List.of());
    }

    private static List<String> labels(History history) {
        return history.transactions().stream().map(Transaction::label).toList();
    }

    @Test
    void oneSourceIsOrderedByIdEvenWhenTheClockSteppedBack() {
        // Transaction 3 started "before" 2: the clock was set back an hour between them.
        History h = History.merge(List.of(Reading.of(List.of(
                tx(HistorySource.DNF5, 1, "2026-11-20T10:00:00Z", "2026-11-20T10:00:05Z"),
                tx(HistorySource.DNF5, 3, "2026-11-20T09:30:00Z", "2026-11-20T09:30:04Z"),
                tx(HistorySource.DNF5, 2, "2026-11-20T10:10:00Z", "2026-11-20T10:10:09Z")))));
        assertEquals(List.of("dnf5 #3", "dnf5 #2", "dnf5 #1"), labels(h));
    }

    @Test
    void sourcesInterleaveByStartTimeWithoutReorderingEither() {
        History h = History.merge(List.of(
                Reading.of(List.of(
                        tx(HistorySource.DNF5, 1, "2026-11-20T10:00:00Z", null),
                        tx(HistorySource.DNF5, 2, "2026-11-20T12:00:00Z", null))),
                Reading.of(List.of(
                        tx(HistorySource.DNF4, 7, "2026-11-20T11:00:00Z", null),
                        tx(HistorySource.DNF4, 8, "2026-11-20T13:00:00Z", null)))));
        assertEquals(List.of("dnf4 #8", "dnf5 #2", "dnf4 #7", "dnf5 #1"), labels(h));
    }

    @Test
    void aClockStepInOneSourceKeepsItsOwnOrderInTheMerge() {
        // dnf5 #2 claims an earlier time than #1; it still comes before #1, and dnf4's transaction,
        // between the two claimed times, goes where the heads of both lists put it.
        History h = History.merge(List.of(
                Reading.of(List.of(
                        tx(HistorySource.DNF5, 1, "2026-11-20T12:00:00Z", null),
                        tx(HistorySource.DNF5, 2, "2026-11-20T10:00:00Z", null))),
                Reading.of(List.of(tx(HistorySource.DNF4, 5, "2026-11-20T11:00:00Z", null)))));
        assertEquals(List.of("dnf4 #5", "dnf5 #2", "dnf5 #1"), labels(h),
                "the newest head first: dnf4 #5 (11:00) against dnf5 #2 (10:00)");
    }

    @Test
    void sameSecondAcrossSourcesTheOneThatEndedLaterIsNewer() {
        History h = History.merge(List.of(
                Reading.of(List.of(tx(HistorySource.DNF5, 4, "2026-11-20T10:00:00.100Z", "2026-11-20T10:00:09Z"))),
                Reading.of(List.of(tx(HistorySource.DNF4, 9, "2026-11-20T10:00:00.900Z", "2026-11-20T10:00:02Z")))));
        // Sub-second parts do not count: the databases keep whole seconds.
        assertEquals(List.of("dnf5 #4", "dnf4 #9"), labels(h));
    }

    @Test
    void aCompleteTieListsDnf5BeforeDnf4() {
        History h = History.merge(List.of(
                Reading.of(List.of(tx(HistorySource.DNF4, 2, "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z"))),
                Reading.of(List.of(tx(HistorySource.DNF5, 7, "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z")))));
        assertEquals(List.of("dnf5 #7", "dnf4 #2"), labels(h));
    }

    @Test
    void anUnfinishedTransactionEndsWhenItStartedForTheTie() {
        History h = History.merge(List.of(
                Reading.of(List.of(tx(HistorySource.DNF5, 3, "2026-11-20T10:00:00Z", null))),
                Reading.of(List.of(tx(HistorySource.DNF4, 3, "2026-11-20T10:00:00Z", "2026-11-20T10:00:01Z")))));
        assertEquals(List.of("dnf4 #3", "dnf5 #3"), labels(h));
    }

    @Test
    void aFailedSourceIsAProblemAndTheOthersStillCount() {
        History h = History.merge(List.of(
                Reading.unavailable("dnf4 history", "database is locked"),
                Reading.of(List.of(tx(HistorySource.DNF5, 1, "2026-11-20T10:00:00Z", null)))));
        assertEquals(List.of("dnf5 #1"), labels(h));
        assertEquals(1, h.problems().size());
    }
}
