package org.fedoraproject.preflight.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * What PackageKit (GNOME Software's and Discover's package manager) holds for this system: the
 * updates it offers ({@code GetUpdates}), the offline update it prepared for the next
 * "Restart &amp; Update" ({@code prepared}), a prepared release upgrade, whether the offline update
 * is triggered, and the result of the last offline update. {@code preparedUnreadable}: a prepared
 * update is there but could not be read (too large, damaged), so what the next restart installs
 * is not known: the check says so and is not a full one.
 */
public record PackageKitView(Optional<List<Nevra>> updates, List<Nevra> prepared, boolean triggered,
                             Optional<String> preparedUpgrade, Optional<OfflineResult> lastOffline, String via,
                             Optional<String> preparedUnreadable) {

    /** The last offline update: whether it worked, what it installed, and why it failed. */
    public record OfflineResult(boolean success, List<Nevra> packages, String error) {
        public OfflineResult {
            packages = List.copyOf(packages);
            Objects.requireNonNull(error, "error");
        }
    }

    /** What cancels a prepared offline update (or upgrade), for the user to run: it asks polkit. */
    public static final List<String> CANCEL = List.of("pkcon", "offline-cancel");

    public static final PackageKitView NONE = new PackageKitView(Optional.empty(), List.of(), false, Optional.empty(),
            Optional.empty(), "");

    public PackageKitView {
        Objects.requireNonNull(updates, "updates");
        updates = updates.map(List::copyOf);
        prepared = List.copyOf(prepared);
        Objects.requireNonNull(preparedUpgrade, "preparedUpgrade");
        Objects.requireNonNull(lastOffline, "lastOffline");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(preparedUnreadable, "preparedUnreadable");
    }

    /** What PackageKit holds, every prepared update read. */
    public PackageKitView(Optional<List<Nevra>> updates, List<Nevra> prepared, boolean triggered,
                          Optional<String> preparedUpgrade, Optional<OfflineResult> lastOffline, String via) {
        this(updates, prepared, triggered, preparedUpgrade, lastOffline, via, Optional.empty());
    }

    public boolean hasPrepared() {
        return !prepared.isEmpty();
    }

    /**
     * A PackageKit package id, {@code name;[epoch:]version-release;arch;data} (data: the repository,
     * or "installed"), as a NEVRA; empty for anything else.
     */
    public static Optional<Nevra> parseId(String id) {
        String[] f = id.split(";", -1);
        if (f.length != 4 || f[0].isEmpty() || f[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            Evr evr = Evr.parse(f[1]);
            if (!evr.hasRelease()) {
                return Optional.empty();
            }
            return Optional.of(new Nevra(f[0], evr, f[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Package ids as NEVRAs, the malformed ones left out. */
    public static List<Nevra> parseIds(List<String> ids) {
        List<Nevra> out = new ArrayList<>();
        ids.forEach(id -> parseId(id.strip()).ifPresent(out::add));
        return out;
    }
}
