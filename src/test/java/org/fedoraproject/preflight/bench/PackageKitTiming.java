package org.fedoraproject.preflight.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.testing.PrivateSystemBus;
import org.fedoraproject.preflight.testing.Processes;

/**
 * What asking PackageKit costs a check: {@code preflight check --json --offline} on a test root
 * (default the dnf4 root) with Debian's real packagekitd (dummy backend) on a private system bus,
 * against the same check with PackageKit off (dnf only). Needs root, like PackageKitIT.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.PackageKitTiming}
 */
public final class PackageKitTiming {

    static final int RUNS = 9;

    private PackageKitTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path root = CheckTiming.root(args, "dnf4");
        Path work = Files.createTempDirectory("preflight-packagekit-timing");
        try (PrivateSystemBus bus = PrivateSystemBus.start(Files.createDirectories(work.resolve("bus")))) {
            Map<String, String> base = Map.of("XDG_CONFIG_HOME", work.resolve("config").toString(),
                    "XDG_CACHE_HOME", work.resolve("cache").toString());
            Path settings = Files.createDirectories(work.resolve("config/preflight")).resolve("settings.json");
            Files.writeString(settings, "{\"bodhi\": false, \"common_issues\": false, \"bugzilla\": false}");
            Map<String, String> withPk = new HashMap<>(base);
            withPk.putAll(Map.of("PREFLIGHT_PACKAGEKIT", "always", "DBUS_SYSTEM_BUS_ADDRESS", bus.address()));
            Map<String, String> without = new HashMap<>(base);
            without.put("PREFLIGHT_PACKAGEKIT", "off");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> check = List.of(java, "-jar", "target/preflight.jar", "check", "--json", "--offline", "--root", root.toString());
            Processes.run(check, null, withPk);
            long[] pk = new long[RUNS];
            long[] dnf = new long[RUNS];
            for (int k = 0; k < RUNS; k++) {
                long start = System.nanoTime();
                Processes.run(check, null, withPk);
                pk[k] = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                Processes.run(check, null, without);
                dnf[k] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(pk);
            Arrays.sort(dnf);
            System.out.printf("check with PackageKit (GetUpdates + GetPrepared over D-Bus, beside dnf): median %d ms (min %d, max %d)%n",
                    pk[RUNS / 2], pk[0], pk[RUNS - 1]);
            System.out.printf("check with dnf only:                                             median %d ms (min %d, max %d)%n",
                    dnf[RUNS / 2], dnf[0], dnf[RUNS - 1]);
        }
    }
}
