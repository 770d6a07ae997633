package org.fedoraproject.preflight.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.Assessor;
import org.fedoraproject.preflight.assess.SinceLookup;
import org.fedoraproject.preflight.assess.SystemFacts;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.ItemPairing;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.RecordedItem;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The assessment of a large system: 5,000 installed packages, 500 pending updates, 10,000
 * incidents (two packages each, over all installed names, so that many match) and 5,000
 * transactions.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.include=AssessmentBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AssessmentBenchmark {

    static final int INSTALLED = 5000;
    static final int PENDING = 500;
    static final int INCIDENTS = 10_000;
    static final int TRANSACTIONS = 5000;

    private SystemFacts facts;
    private List<SourcedIncident> incidents;

    @Setup
    public void setup() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<InstalledPackage> installed = new ArrayList<>();
        for (int k = 0; k < INSTALLED; k++) {
            installed.add(new InstalledPackage(nevra(k, "1." + (k % 7) + "-1.fc43"), t0));
        }
        List<PendingUpdate> pending = new ArrayList<>();
        for (int k = 0; k < PENDING; k++) {
            pending.add(new PendingUpdate(nevra(k * 10, "1." + (k * 10 % 7) + "-2.fc43"), "updates", List.of()));
        }
        incidents = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int k = 0; k < INCIDENTS; k++) {
            List<AffectedPackage> affected = List.of(
                    range((k * 7) % INSTALLED, "1." + (k % 7) + "-1.fc43", k % 3 == 0 ? null : "1." + (k % 7) + "-2.fc43"),
                    range((k * 13) % INSTALLED, "1." + (k % 7) + "-2.fc43", null));
            Incident incident = new Incident("GEN-" + k, "generated " + k, "", IncidentStatus.IDENTIFIED,
                    severities[k % severities.length], t0, t0, Optional.empty(), List.of(k % 5 == 0 ? "42" : "43"),
                    List.of(), List.of(), affected, List.of(), Fix.NONE, List.of(), List.of(), List.of());
            incidents.add(new SourcedIncident(incident, "bench", List.of()));
        }
        List<Transaction> history = new ArrayList<>();
        for (int t = TRANSACTIONS; t >= 1; t--) {
            List<RecordedItem> items = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int k = (t * 3 + i) % INSTALLED;
                items.add(new RecordedItem(t * 10L + i, nevra(k, "1." + (k % 7) + "-1.fc43"), PackageAction.UPGRADE, false,
                        OptionalLong.empty(), "user", "updates"));
            }
            history.add(new Transaction(HistorySource.DNF5, t, t0.plusSeconds(t * 3600L), Optional.empty(), 0, "dnf5 upgrade",
                    "ok", "43", ItemPairing.pair(items)));
        }
        facts = new SystemFacts("43", "workstation", "x86_64", installed, pending, SinceLookup.of(history));
        Assessment check = assess();
        System.out.printf("%d incidents concern the system, %d updates assessed%n", check.incidents().size(), check.updates().size());
    }

    private static Nevra nevra(int k, String evr) {
        return new Nevra("bench-pkg-" + k, Evr.parse(evr), "x86_64");
    }

    private static AffectedPackage range(int k, String introduced, String fixed) {
        Optional<Evr> fix = Optional.ofNullable(fixed).map(Evr::parse);
        return new AffectedPackage("bench-pkg-" + k, new VersionRange(Evr.parse(introduced), fix), Optional.empty());
    }

    @Benchmark
    public Assessment assess() {
        return Assessor.assess(facts, incidents);
    }
}
