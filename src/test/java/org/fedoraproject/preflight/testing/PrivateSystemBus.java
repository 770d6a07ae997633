package org.fedoraproject.preflight.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real, private system bus with the real daemons on it, for one test: {@code dbus-daemon} with
 * a configuration of its own (type system, a socket in the test's directory), Debian's
 * {@code polkitd}, and {@code packagekitd} with its dummy backend. packagekitd keeps its state in
 * compiled-in places (/var/lib/PackageKit, /var/cache/PackageKit): it runs in a mount namespace
 * of its own ({@code unshare --mount}) with the test's directories bound over them, so the
 * prepared-update files a test writes are the ones the daemon reads, and the machine's are
 * never touched. Needs root (CI runs as root); elsewhere the test is skipped.
 */
public final class PrivateSystemBus implements AutoCloseable {

    static final Path PACKAGEKITD = Path.of("/usr/libexec/packagekitd");
    static final Path POLKITD = Path.of("/usr/lib/polkit-1/polkitd");

    private final Path dir;
    private final String address;
    private final List<Process> daemons;

    private PrivateSystemBus(Path dir, String address, List<Process> daemons) {
        this.dir = dir;
        this.address = address;
        this.daemons = daemons;
    }

    public static PrivateSystemBus start(Path dir) throws Exception {
        Path dbusDaemon = Tools.require("dbus-daemon");
        Tools.require("unshare");
        for (Path daemon : List.of(PACKAGEKITD, POLKITD)) {
            if (!Files.isExecutable(daemon)) {
                Tools.missing(daemon + " is not installed (packagekit, polkitd)");
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            Tools.missing("packagekitd in a private mount namespace needs root");
        }
        Path socket = dir.resolve("system_bus_socket");
        Path config = dir.resolve("system-bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>system</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow user="*"/>
                    <allow own="*"/>
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow receive_sender="*"/>
                    <allow eavesdrop="true"/>
                  </policy>
                </busconfig>
                """.formatted(socket));
        List<Process> daemons = new ArrayList<>();
        Process bus = new ProcessBuilder(dbusDaemon.toString(), "--config-file=" + config, "--nofork", "--print-address=1")
                .redirectError(dir.resolve("dbus-daemon.log").toFile()).start();
        daemons.add(bus);
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (address == null || address.isBlank()) {
            bus.destroyForcibly();
            throw new IOException("the private system bus printed no address");
        }
        PrivateSystemBus started = new PrivateSystemBus(dir, address.strip(), daemons);
        try {
            daemons.add(started.daemon(List.of(POLKITD.toString(), "--no-debug"), "polkitd.log"));
            Path state = Files.createDirectories(dir.resolve("packagekit-state"));
            Path cache = Files.createDirectories(dir.resolve("packagekit-cache"));
            daemons.add(started.daemon(List.of(Tools.require("unshare").toString(), "--mount", "sh", "-c",
                    "mount --bind \"$1\" /var/lib/PackageKit && mount --bind \"$2\" /var/cache/PackageKit"
                            + " && exec " + PACKAGEKITD + " --backend=dummy --disable-timer --keep-environment",
                    "sh", state.toString(), cache.toString()), "packagekitd.log"));
            started.await("org.freedesktop.PackageKit");
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started;
    }

    private Process daemon(List<String> command, String log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        pb.environment().put("DBUS_SYSTEM_BUS_ADDRESS", address);
        return pb.start();
    }

    /** Waits until a name has an owner on the bus (the daemon is up), at most 20 s. */
    private void await(String name) throws Exception {
        for (int i = 0; i < 200; i++) {
            Processes.Result r = Processes.run(List.of("timeout", "5", Tools.require("dbus-send").toString(), "--bus=" + address,
                    "--print-reply",
                    "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                    "string:" + name), null, Map.of());
            if (r.stdout().contains("boolean true")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException(name + " did not appear on the private system bus; see " + dir);
    }

    public String address() {
        return address;
    }

    /** PackageKit's /var/lib/PackageKit as the daemon sees it. */
    public Path packageKitState() {
        return dir.resolve("packagekit-state");
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
