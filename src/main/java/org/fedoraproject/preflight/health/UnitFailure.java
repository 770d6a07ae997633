package org.fedoraproject.preflight.health;

import java.time.Instant;

/** A unit that failed, as the journal recorded it. */
public record UnitFailure(Instant at, String unit, String result, String boot) {
}
