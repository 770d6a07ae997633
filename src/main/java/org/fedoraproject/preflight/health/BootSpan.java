package org.fedoraproject.preflight.health;

import java.time.Instant;

/** A boot: its first and last journal entries, and whether it reached "Startup finished". */
public record BootSpan(String id, Instant first, Instant last, boolean started) {
}
