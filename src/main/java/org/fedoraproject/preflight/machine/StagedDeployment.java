package org.fedoraproject.preflight.machine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * On an Atomic desktop, the deployment staged for the next boot is what a prepared offline
 * update is elsewhere: the packages it brings (installed, upgraded or downgraded against the
 * booted deployment, rpm-ostree db diff) arrive at the next restart unless it is cleaned up.
 */
public final class StagedDeployment {

    /** What removes a staged deployment, for the user to run. */
    public static final List<String> CANCEL = List.of("rpm-ostree", "cleanup", "--pending");
    public static final String VIA = "rpm-ostree";

    private static final Set<PackageAction> BRINGS = Set.of(PackageAction.INSTALL, PackageAction.UPGRADE, PackageAction.DOWNGRADE);

    private StagedDeployment() {
    }

    /** The packages the staged deployment brings, from the history rpm-ostree's deployments make. */
    public static List<Nevra> packages(History history) {
        return history.transactions().stream().filter(t -> "staged".equals(t.status()))
                .flatMap(t -> t.items().stream()).filter(i -> BRINGS.contains(i.action())).map(TransactionItem::nevra).toList();
    }

    /** PackageKit's view on an Atomic desktop: nothing offered (the cached update is the pending list), the staged deployment prepared. */
    public static PackageKitView asPrepared(History history) {
        List<Nevra> staged = packages(history);
        return staged.isEmpty() ? PackageKitView.NONE : new PackageKitView(Optional.empty(), staged, true,
                Optional.empty(), Optional.empty(), VIA);
    }
}
