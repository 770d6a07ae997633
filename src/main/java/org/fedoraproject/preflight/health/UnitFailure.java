package org.fedoraproject.preflight.health;

import java.time.Instant;

/** A unit that failed, as the journal recorded it, and the source package of its unit file ("" when not known). */
public record UnitFailure(Instant at, String unit, String result, String boot, String source) {

    /** A failure whose unit's package is not known yet. */
    public UnitFailure(Instant at, String unit, String result, String boot) {
        this(at, unit, result, boot, "");
    }

    public UnitFailure withSource(String packageSource) {
        return new UnitFailure(at, unit, result, boot, packageSource);
    }
}
