package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.Nevra;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * What PackageKit holds: over the system bus, the updates it offers (a GetUpdates transaction)
 * and the prepared offline update (Offline.GetPrepared and its properties), as any user may ask;
 * from its files under /var/lib/PackageKit (world-readable), the prepared update and upgrade when
 * the daemon cannot be asked, and the last offline update's results. Nothing here needs polkit,
 * and nothing changes anything.
 */
public final class PackageKitReader {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String STATE = "var/lib/PackageKit/";
    /** PackageKit's filter bitfield for "none": 1 &lt;&lt; PK_FILTER_ENUM_NONE. */
    static final long FILTER_NONE = 1L << 1;

    private final Target target;
    private final String systemBus;

    /** {@code systemBus}: DBUS_SYSTEM_BUS_ADDRESS, empty for the default; null not to ask the daemon (another root). */
    public PackageKitReader(Target target, String systemBus) {
        this.target = target;
        this.systemBus = systemBus;
    }

    public Reading<PackageKitView> read() {
        Optional<List<Nevra>> updates = Optional.empty();
        List<Nevra> prepared = files("prepared-update").map(PackageKitReader::preparedIds).orElse(List.of());
        // The release is printed and put in commands: a number, nothing else ("44<ESC>…" is not one).
        Optional<String> upgrade = files("prepared-upgrade").flatMap(t -> KeyFile.parse(t).get("update", "releasever"))
                .map(String::strip).filter(OsRelease::isPlainRelease);
        boolean triggered = Files.isSymbolicLink(target.file("system-update"));
        String via = "files";
        DBusConnection connection = null;
        if (systemBus != null) {
            try {
                connection = connect();
            } catch (DBusException | RuntimeException e) {
                connection = null; // no system bus here (a container, a sandbox): PackageKit's files only
            }
        }
        if (connection != null) {
            try (DBusConnection bus = connection) {
                Optional<List<Nevra>> daemon = updates(bus);
                if (daemon.isPresent()) {
                    updates = daemon;
                    via = "D-Bus";
                    PackageKitInterface.Offline offline = bus.getRemoteObject(PackageKitInterface.BUS_NAME, PackageKitInterface.PATH,
                            PackageKitInterface.Offline.class);
                    prepared = PackageKitView.parseIds(offline.GetPrepared());
                    Map<String, Variant<?>> props = bus.getRemoteObject(PackageKitInterface.BUS_NAME, PackageKitInterface.PATH,
                            Properties.class).GetAll("org.freedesktop.PackageKit.Offline");
                    triggered = bool(props.get("UpdateTriggered"));
                    Optional<String> fromFile = upgrade;
                    upgrade = upgradeVersion(props.get("PreparedUpgrade")).or(() -> fromFile);
                }
            } catch (DBusException | DBusExecutionException e) {
                if (!unknownService(e)) {
                    return Reading.unavailable("PackageKit", SafeText.line(String.valueOf(e.getMessage())));
                }
            } catch (IOException e) {
                // closing the connection failed: what was read stands
            }
        }
        return Reading.of(new PackageKitView(updates, prepared, triggered, upgrade, results(), via,
                prepared.isEmpty() ? unreadable("prepared-update") : Optional.empty())); // asked only when nothing was read
    }

    private DBusConnection connect() throws DBusException {
        return systemBus.isBlank() ? DBusConnectionBuilder.forSystemBus().withShared(false).build()
                : DBusConnectionBuilder.forAddress(systemBus).withShared(false).build();
    }

    /** The updates of one GetUpdates transaction; empty when PackageKit is not on this bus. */
    private Optional<List<Nevra>> updates(DBusConnection bus) throws DBusException {
        PackageKitInterface pk = bus.getRemoteObject(PackageKitInterface.BUS_NAME, PackageKitInterface.PATH, PackageKitInterface.class);
        DBusPath path;
        try {
            path = pk.CreateTransaction();
        } catch (DBusExecutionException e) {
            if (unknownService(e)) {
                return Optional.empty();
            }
            throw e;
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<String> error = new AtomicReference<>();
        String tx = path.getPath();
        try (AutoCloseable one = bus.addSigHandler(PackageKitInterface.Transaction.Package.class, s -> {
                if (s.getPath().equals(tx)) {
                    ids.add(s.id());
                }
            });
             AutoCloseable many = bus.addSigHandler(PackageKitInterface.Transaction.Packages.class, s -> {
                 if (s.getPath().equals(tx)) {
                     ids.addAll(s.ids());
                 }
             });
             AutoCloseable err = bus.addSigHandler(PackageKitInterface.Transaction.ErrorCode.class, s -> {
                 if (s.getPath().equals(tx)) {
                     error.set(SafeText.line(s.details()));
                 }
             });
             AutoCloseable done = bus.addSigHandler(PackageKitInterface.Transaction.Finished.class, s -> {
                 if (s.getPath().equals(tx)) {
                     finished.countDown();
                 }
             })) {
            bus.getRemoteObject(PackageKitInterface.BUS_NAME, tx, PackageKitInterface.Transaction.class)
                    .GetUpdates(new UInt64(FILTER_NONE));
            if (!finished.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new DBusExecutionException("GetUpdates did not finish within " + TIMEOUT.toSeconds() + " s");
            }
        } catch (DBusException | DBusExecutionException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DBusExecutionException("interrupted");
        } catch (Exception e) {
            throw new DBusExecutionException(String.valueOf(e.getMessage()));
        }
        if (error.get() != null) {
            throw new DBusExecutionException("GetUpdates failed: " + error.get());
        }
        return Optional.of(PackageKitView.parseIds(ids));
    }

    private static boolean unknownService(Exception e) {
        String m = String.valueOf(e.getMessage()) + " " + e.getClass().getName();
        return m.contains("ServiceUnknown") || m.contains("was not provided by any .service files") || m.contains("NameHasNoOwner")
                || m.contains("Failed to connect") || m.contains("No such file") || m.contains("Connection refused");
    }

    /** Why PackageKit's file is there but cannot be read (too large, not a regular file), if it is. */
    private Optional<String> unreadable(String name) {
        try {
            RegularFiles.readString(target.file(STATE + name), RegularFiles.SMALL);
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(STATE + name + ": " + SafeText.line(String.valueOf(e.getMessage())));
        }
    }

    private Optional<String> files(String name) {
        try {
            return Optional.of(RegularFiles.readString(target.file(STATE + name), RegularFiles.SMALL));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** prepared-update: GKeyFile {@code [update] prepared_ids=ID,ID}; the older form, one id a line. */
    static List<Nevra> preparedIds(String text) {
        if (!text.strip().startsWith("[")) {
            return PackageKitView.parseIds(List.of(text.split("\n")));
        }
        String ids = KeyFile.parse(text).get("update", "prepared_ids", "");
        return PackageKitView.parseIds(List.of(ids.split(",")));
    }

    /** offline-update-competed (sic, PackageKit's name): the last offline update's results. */
    private Optional<PackageKitView.OfflineResult> results() {
        return files("offline-update-competed").map(PackageKitReader::result);
    }

    static PackageKitView.OfflineResult result(String text) {
        KeyFile k = KeyFile.parse(text);
        String section = "PackageKit Offline Update Results";
        boolean success = "true".equalsIgnoreCase(k.get(section, "Success", "false"));
        List<Nevra> packages = PackageKitView.parseIds(List.of(k.get(section, "Packages", "").split(",")));
        String error = SafeText.line(k.get(section, "ErrorDetails").orElse(k.get(section, "ErrorCode", "")));
        return new PackageKitView.OfflineResult(success, packages, error);
    }

    private static boolean bool(Variant<?> v) {
        return v != null && v.getValue() instanceof Boolean b && b;
    }

    private static Optional<String> upgradeVersion(Variant<?> v) {
        if (v != null && v.getValue() instanceof Map<?, ?> m && m.get("version") instanceof Variant<?> version) {
            return Optional.of(SafeText.line(String.valueOf(version.getValue())));
        }
        return Optional.empty();
    }
}
