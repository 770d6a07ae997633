package org.fedoraproject.preflight.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.system.JournalReader;
import org.fedoraproject.preflight.adapter.system.ProcessCommandRunner;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.health.HealthAnalysis;
import org.fedoraproject.preflight.health.HealthReport;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.testing.Processes;

/**
 * What {@code preflight health} costs beyond a check: a real journal of N entries (default
 * 1,000,000) over 30 days in 30 boots, 500 of them coredumps (gnome-shell with mesa, firefox with
 * glibc) and 200 unit failures, made by systemd-journal-remote and read by the real journalctl;
 * 5,000 transactions of three packages each beside it. Prints the median of 5 reads and analyses
 * in one JVM and the heap in use after.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.HealthTiming [-Dbench.args=N]}
 */
public final class HealthTiming {

    private HealthTiming() {
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 1_000_000;
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofDays(30));
        long span = Duration.between(start, now).toSeconds();
        Path dir = Files.createTempDirectory("preflight-health-timing");
        Path export = dir.resolve("journal.export");
        long t0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 1 << 20)) {
            for (int k = 0; k < entries; k++) {
                long at = start.getEpochSecond() + span * k / entries;
                String boot = String.format("%032x", (k * 30L) / entries + 1);
                StringBuilder e = new StringBuilder(256).append("__REALTIME_TIMESTAMP=").append(at * 1_000_000 + k % 1_000_000)
                        .append("\n__MONOTONIC_TIMESTAMP=").append(k + 1).append("\n_BOOT_ID=").append(boot)
                        .append("\n_TRANSPORT=journal\nPRIORITY=6\n_SYSTEMD_UNIT=unit-").append(k % 50).append(".service\n");
                if (k % (entries / 500) == 7) {
                    boolean shell = (k / (entries / 500)) % 2 == 0;
                    e.append("MESSAGE_ID=fc2e22bc6ee647b6b90729ab34a250b1\nMESSAGE=Process dumped core.\nCOREDUMP_EXE=")
                            .append(shell ? "/usr/bin/gnome-shell" : "/usr/lib64/firefox/firefox").append("\nCOREDUMP_SIGNAL=11\n")
                            .append("COREDUMP_PACKAGE_NAME=").append(shell ? "gnome-shell" : "firefox")
                            .append("\nCOREDUMP_PACKAGE_VERSION=1-1.fc43\nCOREDUMP_PACKAGE_JSON={\"/usr/lib64/libGL.so.1\":")
                            // gnome-shell crashes with the new mesa only after mid-month, when the mesa update came.
                            .append("{\"name\":\"").append(shell && k > entries / 2 ? "mesa" : "mesa-other")
                            .append("\",\"version\":\"25.1.4-1.fc43\"},\"/usr/lib64/libc.so.6\":")
                            .append("{\"name\":\"glibc\",\"version\":\"2.42-").append(k % 3).append(".fc43\"}}\n");
                } else if (k % (entries / 200) == 11) {
                    e.append("MESSAGE_ID=d9b373ed55a64feb8242e02dbe79a49c\nMESSAGE=unit failed\nUNIT=unit-").append(k % 50)
                            .append(".service\nUNIT_RESULT=exit-code\n");
                } else if ((k * 30L) % entries < 30 && k > 0) {
                    e.append("MESSAGE_ID=b07a249cd024414a82dd00cd181378ff\nMESSAGE=Startup finished.\n");
                } else {
                    e.append("MESSAGE=an ordinary line of the journal, number ").append(k).append('\n');
                }
                out.write(e.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Path journal = Files.createDirectories(dir.resolve("journal"));
        Processes.Result r = Processes.run(List.of("/lib/systemd/systemd-journal-remote", "--output=" + journal.resolve("system.journal"),
                export.toString()), null, Map.of());
        if (r.exitCode() != 0) {
            throw new IllegalStateException(r.stderr());
        }
        Files.delete(export);
        long made = (System.nanoTime() - t0) / 1_000_000;
        List<Transaction> history = new ArrayList<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (int k = 0; k < 5000; k++) {
            Instant at = start.plusSeconds(span * k / 5000);
            List<TransactionItem> items = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                String name = "pkg-" + ((k * 3 + p) % 800);
                items.add(new TransactionItem(Nevra.parse(name + "-" + (k + 2) + "-1.fc43.x86_64"), PackageAction.UPGRADE, "user", "updates",
                        List.of(Nevra.parse(name + "-" + (k + 1) + "-1.fc43.x86_64"))));
            }
            if (k == 2500) {
                items.add(new TransactionItem(Nevra.parse("mesa-libGL-25.1.4-1.fc43.x86_64"), PackageAction.UPGRADE, "user", "updates",
                        List.of(Nevra.parse("mesa-libGL-25.1.2-1.fc43.x86_64"))));
                sourceOf.put("mesa-libGL", "mesa");
            }
            history.add(new Transaction(HistorySource.DNF5, k + 1, at, Optional.of(at.plusSeconds(20)), 1000, "dnf5 upgrade", "ok", "43",
                    items));
        }
        List<Long> read = new ArrayList<>();
        List<Long> analysed = new ArrayList<>();
        HealthReport report = null;
        Evidence evidence = null;
        for (int run = 0; run < 5; run++) {
            long a = System.nanoTime();
            evidence = JournalReader.ofDirectory(ProcessCommandRunner.direct(), journal).read(start.minus(Duration.ofDays(14))).get()
                    .orElseThrow();
            long b = System.nanoTime();
            report = HealthAnalysis.analyze(history, sourceOf, evidence, List.of(), now, 30);
            long c = System.nanoTime();
            read.add((b - a) / 1_000_000);
            analysed.add((c - b) / 1_000_000);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("HealthTiming: %,d entries (journal made in %,d ms, %,d MB), %d crashes, %d unit failures, %d boots, "
                        + "5,000 transactions; journalctl read %s ms (median %d), analysis %s ms (median %d); %d suspects; heap in use %d MB%n",
                entries, made, size(journal) >> 20, evidence.crashes().size(), evidence.failures().size(),
                evidence.boots().size(), read, read.stream().sorted().toList().get(2), analysed, analysed.stream().sorted().toList().get(2),
                report.suspects().size(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
