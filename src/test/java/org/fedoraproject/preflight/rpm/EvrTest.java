package org.fedoraproject.preflight.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvrTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0              | 0          | 1.0        | ''
            1.0-1            | 0          | 1.0        | 1
            25.1.4-1.fc43    | 0          | 25.1.4     | 1.fc43
            2:1.0-1          | 2          | 1.0        | 1
            0:1.0-1          | 0          | 1.0        | 1
            007:1.0          | 7          | 1.0        | ''
            4294967295:1-1   | 4294967295 | 1          | 1
            1.0~rc1-0.1.fc43 | 0          | 1.0~rc1    | 0.1.fc43
            1.0^git1-2       | 0          | 1.0^git1   | 2
            1.0_2+3-1        | 0          | 1.0_2+3    | 1
            """)
    void parsesEpochVersionRelease(String text, long epoch, String version, String release) {
        Evr evr = Evr.parse(text);
        assertEquals(epoch, evr.epoch());
        assertEquals(version, evr.version());
        assertEquals(release, evr.release());
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''               | version: empty
            :1.0             | epoch: empty before ':'
            1.0-             | release: empty after '-'
            -1               | version: empty
            1:-1             | version: empty
            a:1.0            | version: ':' is not allowed
            1:2:3            | version: ':' is not allowed
            1.0-1-2          | version: '-' is not allowed
            4294967296:1     | epoch: more than 32 bits
            99999999999:1    | epoch: more than 32 bits
            '1.0 -1'         | version: character U+0020 is not allowed
            '1.0-1;rm'       | ''
            1.0-1.fc43é      | release: character U+00E9 is not allowed
            """)
    void refusesWhatRpmWouldNotBuild(String text, String reason) {
        if (reason.isEmpty()) {
            // ';' is a separator to rpm, so this parses; shell safety is the command builder's job.
            assertEquals("1;rm", Evr.parse(text).release());
            return;
        }
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Evr.parse(text));
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2:1.0-1          | 1:9.9-9          | 1
            1:1.0            | 1.0              | 1
            0:1.0-1          | 1.0-1            | 0
            1.0-1            | 1.0              | 1
            1.0              | 1.0-1            | -1
            1.0              | 1.0              | 0
            1.0-2            | 1.0-10           | -1
            1.0~rc1-1        | 1.0-0.1          | -1
            25.1.4-1.fc43    | 25.1.4-1.fc43.1  | -1
            6.17.5-300.fc43  | 6.17.10-200.fc43 | -1
            1.01-1           | 1.1-1            | 0
            """)
    void comparesEpochThenVersionThenRelease(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(Evr.parse(a).compareTo(Evr.parse(b))));
        assertEquals(-expected, Integer.signum(Evr.parse(b).compareTo(Evr.parse(a))));
    }

    @Test
    void printsTheWayFedoraDoes() {
        assertEquals("25.1.4-1.fc43", Evr.parse("0:25.1.4-1.fc43").toString());
        assertEquals("2:1.0-1", Evr.parse("2:1.0-1").toString());
        assertEquals("1.0", Evr.parse("1.0").toString());
    }

    @Test
    void feedVersionsMustBeBuildable() {
        assertEquals(Evr.parse("1:2.12-33.fc43"), Evr.parseBuildable("1:2.12-33.fc43"));
        assertEquals(Evr.parse("1.0~rc1^git2_3+4-1"), Evr.parseBuildable("1.0~rc1^git2_3+4-1"));
        for (String hostile : new String[] {"$(id)-1", "1`id`-1", "1;rm-1", "1-1|sh", "1%{x}-1", "1.0"}) {
            assertThrows(InvalidVersionException.class, () -> Evr.parseBuildable(hostile), hostile);
        }
    }

    @Test
    void releaseIsRequiredWhereAskedFor() {
        assertTrue(Evr.parseWithRelease("1-2").hasRelease());
        assertFalse(Evr.parse("1").hasRelease());
        assertEquals("version-release: no release",
                assertThrows(InvalidVersionException.class, () -> Evr.parseWithRelease("1.0")).reason());
    }
}
