package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * The updates this system is about to install, from dnf's cache and from PackageKit (what GNOME
 * Software offers and what it prepared for the next restart), which may differ: dnf's cache can
 * be days older than PackageKit's, or empty. Every update either names is assessed; where they
 * differ, it is said. A prepared update is assessed whatever the lists say: it installs at the
 * next "Restart &amp; Update".
 */
public record UpdateSets(Reading<PendingUpdates> merged, List<Nevra> onlyPackageKit, List<Nevra> onlyDnf, boolean compared) {

    public UpdateSets {
        Objects.requireNonNull(merged, "merged");
        onlyPackageKit = List.copyOf(onlyPackageKit);
        onlyDnf = List.copyOf(onlyDnf);
    }

    public static UpdateSets of(Reading<PendingUpdates> dnf, PackageKitView packageKit) {
        Optional<List<Nevra>> offered = packageKit.updates();
        if (offered.isEmpty() && packageKit.prepared().isEmpty()) {
            return new UpdateSets(dnf, List.of(), List.of(), false);
        }
        List<PendingUpdate> all = new ArrayList<>(dnf.get().map(PendingUpdates::updates).orElse(List.of()));
        Set<Nevra> known = new LinkedHashSet<>();
        all.forEach(u -> known.add(u.nevra()));
        List<Nevra> onlyPk = new ArrayList<>();
        Set<Nevra> fromPk = new LinkedHashSet<>(offered.orElse(List.of()));
        fromPk.addAll(packageKit.prepared());
        for (Nevra n : fromPk) {
            if (known.add(n)) {
                all.add(new PendingUpdate(n, "PackageKit", List.of()));
                onlyPk.add(n);
            }
        }
        List<Nevra> onlyDnf = new ArrayList<>();
        if (offered.isPresent() && dnf.get().isPresent()) {
            Set<Nevra> pkSet = new LinkedHashSet<>(offered.get());
            dnf.get().get().updates().stream().map(PendingUpdate::nevra).filter(n -> !pkSet.contains(n)).forEach(onlyDnf::add);
        }
        Optional<Instant> time = dnf.get().flatMap(PendingUpdates::metadataTime);
        boolean compared = offered.isPresent() && dnf.get().isPresent();
        // dnf could not tell, PackageKit could: its list is what GNOME Software would install.
        Reading<PendingUpdates> merged = dnf.get().isEmpty() && offered.isEmpty() ? dnf : Reading.of(new PendingUpdates(all, time));
        return new UpdateSets(merged, onlyPk, onlyDnf, compared);
    }

    public boolean differ() {
        return compared && (!onlyPackageKit.isEmpty() || !onlyDnf.isEmpty());
    }
}
