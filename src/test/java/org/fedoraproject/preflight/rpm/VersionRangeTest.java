package org.fedoraproject.preflight.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

    private static final VersionRange MESA =
            VersionRange.between(Evr.parse("25.1.4-1.fc43"), Evr.parse("25.1.6-1.fc43"));
    private static final VersionRange OPEN = VersionRange.from(Evr.parse("6.17.5-300.fc43"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            25.1.2-1.fc43     | false | false
            25.1.4-0.1.fc43   | false | false
            25.1.4-1.fc43     | true  | false
            25.1.4-1.fc43.1   | true  | false
            25.1.5-1.fc43     | true  | false
            25.1.6~rc1-1.fc43 | true  | false
            25.1.6-1.fc43     | false | true
            25.1.10-1.fc43    | false | true
            1:25.0-1.fc43     | false | true
            """)
    void introducedIsInsideFixedIsOutside(String version, boolean inside, boolean fixed) {
        assertEquals(inside, MESA.contains(Evr.parse(version)));
        assertEquals(fixed, MESA.fixed().orElseThrow().compareTo(Evr.parse(version)) <= 0);
    }

    @Test
    void withoutAFixEveryLaterVersionIsAffected() {
        assertEquals(true, OPEN.contains(Evr.parse("6.17.5-300.fc43")));
        assertEquals(true, OPEN.contains(Evr.parse("99.0-1.fc43")));
        assertEquals(false, OPEN.contains(Evr.parse("6.17.4-300.fc43")));
        assertEquals("from 6.17.5-300.fc43, no fix yet", OPEN.toString());
        assertEquals("from 25.1.4-1.fc43, fixed in 25.1.6-1.fc43", MESA.toString());
    }

    @Test
    void aFixMustBeAboveWhereItWasIntroduced() {
        assertThrows(IllegalArgumentException.class,
                () -> VersionRange.between(Evr.parse("2.0-1"), Evr.parse("2.0-1")));
        assertThrows(IllegalArgumentException.class,
                () -> VersionRange.between(Evr.parse("2.0-1"), Evr.parse("1.9-1")));
    }
}
