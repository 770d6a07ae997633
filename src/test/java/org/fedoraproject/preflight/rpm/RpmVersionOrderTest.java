package org.fedoraproject.preflight.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RpmVersionOrderTest {

    static Stream<RpmTestVectors.Case> rpmTestSuite() {
        return RpmTestVectors.cases().stream();
    }

    @ParameterizedTest(name = "rpmvercmp({0})")
    @MethodSource("rpmTestSuite")
    void agreesWithRpmsOwnTestSuite(RpmTestVectors.Case c) {
        assertEquals(c.expected(), RpmVersionOrder.compare(c.a(), c.b()), c.a() + " vs " + c.b());
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # tilde sorts before everything, even the end of the string
            1.0~rc1         | 1.0            | -1
            1.0~            | 1.0            | -1
            1.0~~           | 1.0~           | -1
            1.0~rc1         | 1.0~rc1.1      | -1
            1~              | 1~a            | -1
            ~               | ''             | -1
            # caret sorts after the end of the string, before any further segment
            1.0^            | 1.0            | 1
            1.0^            | 1.0.1          | -1
            1.0^            | 1.0a           | -1
            1.0^^           | 1.0^           | 1
            # tilde and caret together
            1.0~rc1^post1   | 1.0~rc1        | 1
            1.0~rc1^post1   | 1.0            | -1
            1.0^post1~rc1   | 1.0^post1      | -1
            1.0^post1~rc1   | 1.0            | 1
            1.0~^           | 1.0~           | 1
            1.0^~           | 1.0^           | -1
            # leading zeros are ignored
            007             | 7              | 0
            1.010           | 1.10           | 0
            1.0010          | 1.9            | 1
            000             | 0              | 0
            # digit runs longer than any integer type
            12345678901234567890123456789   | 12345678901234567890123456788    | 1
            99999999999999999999999999999   | 100000000000000000000000000000   | -1
            000000000000000000000000000001  | 1                                | 0
            # numeric beats alpha; alpha compares as strcmp (uppercase first)
            1.1             | 1.a            | 1
            1.a             | 1.1            | -1
            a               | 1              | -1
            1.A             | 1.a            | -1
            1.Z             | 1.a            | -1
            1.abc           | 1.ab           | 1
            # separators of every kind are equal, and only separate
            1.0             | 1_0            | 0
            1.0             | 1+0            | 0
            1.0             | 1%0            | 0
            1.0             | 1..0           | 0
            1.0             | 1.0.           | 0
            .1.0            | 1.0            | 0
            1.0             | 1.0.0          | -1
            # the segment split between letters and digits
            1a              | 1.a            | 0
            fc43            | fc.43          | 0
            2.fc43          | 2.fc43.1       | -1
            1.fc43          | 1.fc43_2       | -1
            25.1.4-1.fc43   | 25.1.2-1.fc43  | 1
            6.17.10         | 6.17.9         | 1
            """)
    void ordersLikeRpmvercmp(String a, String b, int expected) {
        assertEquals(expected, RpmVersionOrder.compare(a, b));
        assertEquals(-expected, RpmVersionOrder.compare(b, a), "antisymmetric");
    }

    @Test
    void nonAsciiCharactersAreSeparatorsAsInRpm() {
        assertEquals(0, RpmVersionOrder.compare("1.1.α", "1.1.β"));
        assertEquals(0, RpmVersionOrder.compare("1.1.αα", "1.1.α"));
        assertEquals(-1, RpmVersionOrder.compare("1.1.α", "1.1.a"));
    }
}
