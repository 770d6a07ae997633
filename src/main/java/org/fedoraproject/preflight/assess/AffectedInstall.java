package org.fedoraproject.preflight.assess;

import java.util.Objects;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.machine.InstalledPackage;

/** An installed package in an incident's affected range, and since when it is there. */
public record AffectedInstall(InstalledPackage installed, AffectedPackage range, Since since) {

    public AffectedInstall {
        Objects.requireNonNull(installed, "installed");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(since, "since");
    }

    /**
     * Whether the range says since which version the problem is there, so that the transaction
     * that brought this version brought the problem. A range with no known start does not.
     */
    public boolean broughtBySince() {
        return range.range().introducedKnown();
    }
}
