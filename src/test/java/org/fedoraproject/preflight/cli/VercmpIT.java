package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.rpm.EvrPairs;
import org.fedoraproject.preflight.rpm.RpmTestVectors;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/preflight.jar vercmp}, checked against the real rpm. */
class VercmpIT {

    @TempDir
    Path dir;

    @Test
    void comparesTwoVersionsAsTheContractSays() {
        assertEquals("-1\n", Processes.preflight(null, "vercmp", "1.0~rc1", "1.0").stdout());
        assertEquals("1\n", Processes.preflight(null, "vercmp", "2:1.0-1", "1:9.9-9").stdout());
        assertEquals("0\n", Processes.preflight(null, "vercmp", "0:1.0-1", "1.0-1").stdout());
        Processes.Result bad = Processes.preflight(null, "vercmp", "1.0-", "1.0");
        assertEquals(2, bad.exitCode());
        assertEquals("", bad.stdout());
        assertTrue(bad.stderr().contains("release: empty after '-'"), bad.stderr());
    }

    @Test
    void batchNamesTheFirstMalformedLineAndExitsNonZero() throws IOException {
        Path input = dir.resolve("pairs");
        Files.writeString(input, "1.0\t2.0\n2.0\t1.0\nno tab here\n1\t1\n");
        Processes.Result r = Processes.preflight(input, "vercmp", "--batch");
        assertEquals(2, r.exitCode());
        assertEquals("-1\n1\n", r.stdout());
        assertTrue(r.stderr().contains("line 3"), r.stderr());
    }

    @Test
    void batchAgreesWithRealRpmOnItsTestSuiteAndOnGeneratedPairs() throws IOException {
        Path rpm = Tools.require("rpm");
        List<String[]> pairs = new ArrayList<>();
        RpmTestVectors.cases().forEach(c -> pairs.add(new String[] {c.a(), c.b()}));
        pairs.addAll(new EvrPairs(20261125L).generate(20_000));
        Path input = dir.resolve("pairs.tsv");
        StringBuilder text = new StringBuilder();
        for (String[] p : pairs) {
            text.append(p[0]).append('\t').append(p[1]).append('\n');
        }
        Files.writeString(input, text, StandardCharsets.UTF_8);

        Processes.Result ours = Processes.preflight(input, "vercmp", "--batch");
        assertEquals(0, ours.exitCode(), ours.stderr());
        // rpm.vercmp() in rpm's Lua parses both sides as EVRs, exactly like rpm's own test suite.
        String lua = "%{lua: for l in io.lines(\"" + input + "\") do "
                + "local a, b = l:match(\"^(.-)\\t(.*)$\"); io.write(rpm.vercmp(a, b), \"\\n\") end}";
        Processes.Result theirs = Processes.run(List.of(rpm.toString(), "--eval", lua), null, Map.of());
        assertEquals(0, theirs.exitCode(), theirs.stderr());

        String[] expected = theirs.stdout().strip().split("\n");
        String[] actual = ours.stdout().strip().split("\n");
        assertEquals(pairs.size(), expected.length, "rpm answered every pair");
        assertEquals(pairs.size(), actual.length, "preflight answered every pair");
        int agreed = 0;
        for (int k = 0; k < pairs.size(); k++) {
            assertEquals(expected[k], actual[k], "rpm and preflight disagree on " + pairs.get(k)[0] + " vs " + pairs.get(k)[1]);
            agreed++;
        }
        assertEquals(pairs.size(), agreed);
        long nonZero = Arrays.stream(expected).filter(s -> !s.equals("0")).count();
        assertTrue(nonZero > pairs.size() / 2 && nonZero < pairs.size(), "the pairs are a mix of orders: " + nonZero);
    }
}
