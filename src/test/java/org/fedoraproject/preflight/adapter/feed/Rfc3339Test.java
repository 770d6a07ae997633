package org.fedoraproject.preflight.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T12:00:00Z", "2026-11-20t12:00:00z", "2026-11-20T13:30:00+01:30",
        "2026-11-20T07:00:00-05:00", "2026-11-20T12:00:00.5Z", "2026-11-20T12:00:00.123456789Z", "2024-02-29T00:00:00Z",
        "1970-01-01T00:00:00Z", "2026-12-31T23:59:59+14:00"})
    void readsWhatJavaTimeReads(String text) {
        assertEquals(Optional.of(OffsetDateTime.parse(text.toUpperCase()).toInstant()), Rfc3339.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20", "2026-11-20T12:00Z", "2026-11-20T12:00:00", "2026-02-30T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20 12:00:00Z", "2026-11-20T12:00:00.Z",
        "2026-11-20T12:00:00+0100", "yesterday at noon", "2026-11-20T12:00:00Z ", "+2026-11-20T12:00:00Z"})
    void refusesWhatIsNotRfc3339(String text) {
        assertEquals(Optional.empty(), Rfc3339.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-12-31T23:59:60Z"})
    void aLeapSecondIsTheLastSecondOfItsMinute(String text) {
        assertEquals(Optional.of(Instant.parse("2016-12-31T23:59:59Z")), Rfc3339.parse(text));
    }
}
