package org.fedoraproject.preflight.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.fedoraproject.preflight.testing.Processes;

/**
 * What {@code check --refresh} downloads: a generated repository the size of Fedora's
 * {@code updates} (20,000 packages, createrepo_c) served over loopback HTTP with its bytes
 * counted, and Preflight's refresh ({@code dnf makecache --refresh} into its own cache, as the
 * check runs it) against it: a first refresh, then one with nothing changed.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.main=org.fedoraproject.preflight.bench.RefreshTiming}
 * (after build-roots.sh; takes a minute to build the repository). {@code -Dbench.args=N} sets the
 * number of packages.
 */
public final class RefreshTiming {

    private RefreshTiming() {
    }

    public static void main(String[] args) throws Exception {
        int packages = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 20_000;
        Path work = Files.createTempDirectory("preflight-refresh-timing");
        Path repo = Files.createDirectories(work.resolve("repo"));
        StringBuilder spec = new StringBuilder("Name: refresh-base\nVersion: 1.0\nRelease: 1.fc43\nSummary: generated\n"
                + "License: MIT\nBuildArch: noarch\n%description\nGenerated.\n");
        for (int i = 0; i < packages; i++) {
            spec.append("%package -n refresh-pkg-").append(i).append("\nSummary: a generated package with a summary of Fedora's length\n")
                    .append("Version: ").append(i % 7 + 1).append('.').append(i % 13).append("\nRelease: 1.fc43\n")
                    .append("Requires: refresh-pkg-").append((i + 1) % packages).append("\n")
                    .append("%description -n refresh-pkg-").append(i).append("\nGenerated for Preflight's refresh benchmark.\n")
                    .append("%files -n refresh-pkg-").append(i).append("\n");
        }
        spec.append("%files\n");
        Files.writeString(work.resolve("refresh.spec"), spec.toString());
        long start = System.nanoTime();
        run(List.of("rpmbuild", "-bb", "--quiet", "--define", "_topdir " + work.resolve("top"), "--define", "_rpmdir " + repo,
                "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm", work.resolve("refresh.spec").toString()));
        run(List.of("createrepo_c", "--quiet", repo.toString()));
        System.out.printf("repository of %d packages built in %d s; repodata %d KB%n", packages,
                (System.nanoTime() - start) / 1_000_000_000L, size(repo.resolve("repodata")) / 1024);

        AtomicLong served = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            Path file = repo.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            try (exchange) {
                requests.incrementAndGet();
                if (!file.startsWith(repo) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                served.addAndGet(body.length);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        http.start();
        try {
            Path repos = Files.createDirectories(work.resolve("repos.d"));
            Files.writeString(repos.resolve("updates.repo"), "[updates]\nname=generated updates\nbaseurl=http://127.0.0.1:"
                    + http.getAddress().getPort() + "/\nenabled=1\ngpgcheck=0\nmetadata_expire=0\n");
            Path root = CheckTiming.root(new String[0], "dnf4");
            Path cache = work.resolve("own-cache");
            // As Preflight's refresh runs it: the root's dnf, Preflight's own cache, nothing written into the root.
            List<String> makecache = new ArrayList<>(List.of("dnf-3", "--installroot=" + root, "--releasever=43", "--quiet",
                    "--disableplugin=local", "--setopt=reposdir=" + repos, "--setopt=cachedir=/" + "../".repeat(64)
                            + cache.toString().substring(1), "--setopt=logdir=/" + "../".repeat(64) + work.toString().substring(1),
                    "makecache", "--refresh"));
            for (String run : List.of("first refresh", "refresh, nothing changed")) {
                long bytes = served.get();
                long asked = requests.get();
                long t = System.nanoTime();
                Processes.Result r = Processes.run(makecache, null, Map.of());
                System.out.printf("%s: exit %d, %d requests, %d KB downloaded, %d ms%n", run, r.exitCode(), requests.get() - asked,
                        (served.get() - bytes) / 1024, (System.nanoTime() - t) / 1_000_000);
            }
        } finally {
            http.stop(0);
        }
    }

    private static void run(List<String> command) {
        Processes.Result r = Processes.run(command, null, Map.of());
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + r.stderr());
        }
    }

    private static long size(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
