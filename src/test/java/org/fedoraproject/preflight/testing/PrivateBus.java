package org.fedoraproject.preflight.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

/** A real, private session bus: {@code dbus-daemon --session} started for one test and stopped after it. */
public final class PrivateBus implements AutoCloseable {

    private final Process daemon;
    private final String address;

    private PrivateBus(Process daemon, String address) {
        this.daemon = daemon;
        this.address = address;
    }

    public static PrivateBus start() throws IOException {
        Path dbusDaemon = Tools.require("dbus-daemon");
        Process p = new ProcessBuilder(dbusDaemon.toString(), "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine();
        if (address == null || address.isBlank()) {
            p.destroyForcibly();
            throw new IOException("dbus-daemon printed no address");
        }
        return new PrivateBus(p, address.strip());
    }

    public String address() {
        return address;
    }

    public DBusConnection connect() throws DBusException {
        return DBusConnectionBuilder.forAddress(address).withShared(false).build();
    }

    /** Runs dbus-send on this bus and returns what it printed (the reply). */
    public String send(String... args) {
        List<String> command = new ArrayList<>(List.of(Tools.require("dbus-send").toString(), "--bus=" + address,
                "--print-reply"));
        command.addAll(List.of(args));
        Processes.Result r = Processes.run(command, null, Map.of());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("dbus-send failed: " + r.stderr());
        }
        return r.stdout();
    }

    @Override
    public void close() throws InterruptedException {
        daemon.destroy();
        daemon.waitFor(10, TimeUnit.SECONDS);
    }
}
