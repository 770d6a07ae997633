package org.fedoraproject.preflight.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fedoraproject.preflight.rpm.Evr;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * EVR comparisons per second on pairs shaped like what Preflight compares: an installed version
 * against a pending update or an incident's range bound, mostly of the same package, so that
 * most pairs share a prefix and differ late (the release, a last digit), some are equal, and a
 * few carry an epoch, a tilde pre-release or a caret snapshot.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.include=EvrCompare} (add {@code -Dbench.args="-prof gc ..."}
 * to see the allocation per comparison).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvrCompareBenchmark {

    static final int PAIRS = 1024;

    private static final String[] VERSIONS = {
        "25.1.4-1.fc43", "6.17.5-300.fc43", "1:2.12-32.fc43", "146.0~b3-0.1.fc43", "49.1-1.fc43",
        "3.13.9-1.fc43", "258.2-1.fc43", "2.46.0-2.fc43", "1.0^20250101git1a2b3c-2.fc43", "15.8-3",
        "1:1.24.6-1.fc43", "0.9.7-5.fc43", "2:9.1.1818-1.fc43", "20251111-1.fc43", "5.4.4.0-1.fc43",
    };

    private final Evr[] left = new Evr[PAIRS];
    private final Evr[] right = new Evr[PAIRS];

    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(43);
        for (int k = 0; k < PAIRS; k++) {
            Evr base = Evr.parse(VERSIONS[random.nextInt(VERSIONS.length)]);
            left[k] = base;
            right[k] = switch (random.nextInt(5)) {
                case 0 -> Evr.parse(base.toString()); // the same version, a different object
                case 1 -> new Evr(base.epoch(), base.version(), bump(base.release()));
                case 2 -> new Evr(base.epoch(), bump(base.version()), base.release());
                case 3 -> Evr.parse(VERSIONS[random.nextInt(VERSIONS.length)]);
                default -> new Evr(base.epoch(), base.version() + ".1", base.release());
            };
        }
    }

    /** Raises the last digit run by one, as a rebuild or a point release does. */
    static String bump(String s) {
        int end = s.length();
        while (end > 0 && !Character.isDigit(s.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
            start--;
        }
        if (start == end) {
            return s + ".1";
        }
        long n = Long.parseLong(s.substring(start, end)) + 1;
        return s.substring(0, start) + n + s.substring(end);
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int compare() {
        int sum = 0;
        for (int k = 0; k < PAIRS; k++) {
            sum += left[k].compareTo(right[k]);
        }
        return sum;
    }
}
