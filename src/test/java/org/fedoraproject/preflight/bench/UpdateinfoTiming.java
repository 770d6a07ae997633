package org.fedoraproject.preflight.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fedoraproject.preflight.adapter.system.RepodataAdvisoriesProbe;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.testing.Processes;

/**
 * What reading dnf's cached updateinfo costs at Fedora's size: an updates repository's
 * updateinfo.xml of N advisories (default 8,000, about what Fedora's updates repository of a
 * release carries late in its life), each with a description and three packages, compressed with
 * the real zstd as Fedora's are; 5,000 installed packages, 500 with an update. Prints the sizes and
 * the median of 7 reads.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.UpdateinfoTiming [-Dbench.args=N]}
 */
public final class UpdateinfoTiming {

    private UpdateinfoTiming() {
    }

    public static void main(String[] args) throws Exception {
        int advisories = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 8_000;
        Path cache = Files.createTempDirectory("preflight-updateinfo-timing");
        Path repodata = Files.createDirectories(cache.resolve("updates-0123456789abcdef/repodata"));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<updates>\n");
        for (int a = 0; a < advisories; a++) {
            xml.append("<update from=\"updates@fedoraproject.org\" status=\"stable\" type=\"bugfix\" version=\"2.0\"><id>FEDORA-2026-")
                    .append(String.format("%010x", a)).append("</id><title>update ").append(a)
                    .append("</title><issued date=\"2026-05-01 10:00:00\"/><updated date=\"2026-05-02 10:00:00\"/>")
                    .append("<severity>Moderate</severity><summary>bugfix update</summary><description>")
                    .append("Fixes several problems reported by users. ".repeat(20))
                    .append("</description><references><reference href=\"https://bugzilla.redhat.com/show_bug.cgi?id=")
                    .append(2_000_000 + a).append("\" id=\"").append(2_000_000 + a)
                    .append("\" type=\"bugzilla\" title=\"a bug\"/></references><pkglist><collection short=\"F43\"><name>Fedora 43</name>");
            for (int p = 0; p < 3; p++) {
                int pkg = (a * 3 + p) % 5000;
                xml.append("<package name=\"pkg-").append(pkg).append("\" version=\"").append(2 + a / 5000).append(".").append(a % 100)
                        .append("\" release=\"1.fc43\" epoch=\"0\" arch=\"x86_64\" src=\"src-").append(pkg)
                        .append(".src.rpm\"><filename>pkg.rpm</filename></package>");
            }
            xml.append("</collection></pkglist></update>\n");
        }
        xml.append("</updates>\n");
        Path plain = Files.writeString(repodata.resolve("0123-updateinfo.xml"), xml);
        Processes.Result z = Processes.run(List.of("zstd", "-q", "-19", "--rm", plain.toString()), null, Map.of());
        if (z.exitCode() != 0) {
            throw new IllegalStateException(z.stderr());
        }
        Files.writeString(repodata.resolve("repomd.xml"), "<repomd><data type=\"updateinfo\"><location href=\"repodata/"
                + "0123-updateinfo.xml.zst\"/></data></repomd>");
        List<InstalledPackage> installed = new ArrayList<>();
        List<PendingUpdate> pending = new ArrayList<>();
        for (int k = 0; k < 5000; k++) {
            installed.add(new InstalledPackage(Nevra.parse("pkg-" + k + "-1.0-1.fc43.x86_64"), Instant.EPOCH, "src-" + k));
            if (k % 10 == 0) {
                pending.add(new PendingUpdate(Nevra.parse("pkg-" + k + "-9.0-1.fc43.x86_64"), "updates", List.of()));
            }
        }
        long[] ms = new long[7];
        int found = 0;
        for (int run = -2; run < ms.length; run++) { // two runs to warm up
            long start = System.nanoTime();
            found = RepodataAdvisoriesProbe.read(cache, installed, pending).map(List::size).orElse(-1);
            if (run >= 0) {
                ms[run] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        System.out.printf("updateinfo of %,d advisories: %,d bytes uncompressed, %,d bytes zstd; %d advisories of the 500 updates%n",
                advisories, xml.length(), Files.size(repodata.resolve("0123-updateinfo.xml.zst")), found);
        System.out.printf("read: median %d ms (min %d, max %d) in a warm JVM%n", ms[ms.length / 2], ms[0], ms[ms.length - 1]);
    }
}
