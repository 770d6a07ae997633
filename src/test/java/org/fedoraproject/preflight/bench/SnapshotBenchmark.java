package org.fedoraproject.preflight.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fedoraproject.preflight.adapter.system.CommandResult;
import org.fedoraproject.preflight.adapter.system.Dnf4HistoryDatabase;
import org.fedoraproject.preflight.adapter.system.Dnf5HistoryDatabase;
import org.fedoraproject.preflight.adapter.system.InstalledPackagesReader;
import org.fedoraproject.preflight.adapter.system.ProcessCommandRunner;
import org.fedoraproject.preflight.adapter.system.SystemReader;
import org.fedoraproject.preflight.adapter.system.Target;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a large system: 3,000 installed packages, 5,000 transactions (4,000 dnf5, 1,000 dnf4),
 * on the root that src/test/roots/build-bench-root.sh generates. {@code snapshot} is the whole
 * snapshot including the real {@code dnf check-update --cacheonly}; {@code dnfCheckUpdateAlone}
 * is that dnf command by itself; {@code snapshotWithoutDnf} is everything else, Preflight's own share.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.include=SnapshotBenchmark} (root from
 * {@code PREFLIGHT_TEST_ROOTS}/bench).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SnapshotBenchmark {

    private ExecutorService executor;
    private Target target;

    @Setup
    public void setup() {
        Path root = Path.of(System.getenv().getOrDefault("PREFLIGHT_TEST_ROOTS", "/var/tmp/preflight-test-roots"), "bench");
        target = Target.of(root);
        executor = Executors.newCachedThreadPool();
        SystemSnapshot check = snapshot();
        if (!check.problems().isEmpty() || check.installed().get().orElseThrow().size() < 3000
                || check.history().transactions().size() < 5000) {
            throw new IllegalStateException("not the generated benchmark root: " + root + " " + check.problems());
        }
    }

    @TearDown
    public void stop() {
        executor.shutdownNow();
    }

    @Benchmark
    public SystemSnapshot snapshot() {
        return new SystemReader(target, executor, Clock.systemUTC()).read();
    }

    /** The snapshot without dnf's check-update: Preflight's own share of the work. */
    @Benchmark
    public SystemSnapshot snapshotWithoutDnf() {
        return new SystemReader(target, executor, Clock.systemUTC()).readWithoutPending();
    }

    @Benchmark
    public History history() {
        return new SystemReader(target, executor, Clock.systemUTC()).readHistory();
    }

    @Benchmark
    public Reading<List<InstalledPackage>> installedPackages() {
        return new InstalledPackagesReader(target).read();
    }

    @Benchmark
    public int historyDatabasesOneThread() {
        return new Dnf5HistoryDatabase(target.file(Dnf5HistoryDatabase.PATH)).read().get().orElseThrow().size()
                + new Dnf4HistoryDatabase(target.file(Dnf4HistoryDatabase.PATH)).read().get().orElseThrow().size();
    }

    @Benchmark
    public CommandResult dnfCheckUpdateAlone() throws Exception {
        return ProcessCommandRunner.direct().run(List.of("dnf-3", "--installroot=" + target.commandRoot(), "--cacheonly",
                "--quiet", "check-update"), Duration.ofMinutes(1));
    }
}
