package org.fedoraproject.preflight.adapter.system;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;

/**
 * The parts of PackageKit's D-Bus API Preflight reads (org.freedesktop.PackageKit.xml and
 * ...Transaction.xml): none of them changes anything, and none needs polkit.
 */
@DBusInterfaceName("org.freedesktop.PackageKit")
public interface PackageKitInterface extends DBusInterface {

    String BUS_NAME = "org.freedesktop.PackageKit";
    String PATH = "/org/freedesktop/PackageKit";

    // Member names are PackageKit's; hence the capitals.
    @SuppressWarnings("checkstyle:MethodName")
    DBusPath CreateTransaction();

    /** A transaction: GetUpdates, then Package signals, then Finished. */
    @DBusInterfaceName("org.freedesktop.PackageKit.Transaction")
    interface Transaction extends DBusInterface {
        /** {@code filter}: PackageKit's filter bitfield; 1 &lt;&lt; 1 is "none". */
        @SuppressWarnings("checkstyle:MethodName")
        void GetUpdates(UInt64 filter);

        /** One package (1.2 and before). */
        class Package extends DBusSignal {
            private final String id;

            public Package(String path, UInt32 info, String id, String summary) throws DBusException {
                super(path, info, id, summary);
                this.id = id;
            }

            public String id() {
                return id;
            }
        }

        /** Packages at once (1.3): an array of (info, package id, summary). */
        class Packages extends DBusSignal {
            private final List<PackageStruct> packages;

            public Packages(String path, List<PackageStruct> packages) throws DBusException {
                super(path, packages);
                this.packages = packages;
            }

            public List<String> ids() {
                return packages.stream().map(p -> p.id).toList();
            }
        }

        /** (u info, s package_id, s summary) */
        final class PackageStruct extends Struct {
            @org.freedesktop.dbus.annotations.Position(0)
            public final UInt32 info;
            @org.freedesktop.dbus.annotations.Position(1)
            public final String id;
            @org.freedesktop.dbus.annotations.Position(2)
            public final String summary;

            public PackageStruct(UInt32 info, String id, String summary) {
                this.info = info;
                this.id = id;
                this.summary = summary;
            }
        }

        class Finished extends DBusSignal {
            private final UInt32 exit;

            public Finished(String path, UInt32 exit, UInt32 runtime) throws DBusException {
                super(path, exit, runtime);
                this.exit = exit;
            }

            /** PackageKit's exit enum: 1 success. */
            public long exit() {
                return exit.longValue();
            }
        }

        class ErrorCode extends DBusSignal {
            private final String details;

            public ErrorCode(String path, UInt32 code, String details) throws DBusException {
                super(path, code, details);
                this.details = details;
            }

            public String details() {
                return details;
            }
        }
    }

    /** org.freedesktop.PackageKit.Offline: the prepared offline update (no authorisation needed to read it). */
    @DBusInterfaceName("org.freedesktop.PackageKit.Offline")
    interface Offline extends DBusInterface {
        @SuppressWarnings("checkstyle:MethodName")
        List<String> GetPrepared();
    }
}
