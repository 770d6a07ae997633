package org.fedoraproject.preflight.health;

import java.time.Instant;
import java.util.List;
import org.fedoraproject.preflight.machine.Transaction;

/**
 * A transaction after which a source package's code started crashing or its units failing: the
 * versions before and after, the crashes and unit failures in the comparable time before and after
 * it, the days the machine was up in each, and the executables and units. A suspect, never a proven
 * cause.
 */
public record Suspect(Transaction transaction, String source, String before, String after, int crashesBefore, int crashesAfter,
                      double daysUpBefore, double daysUpAfter, List<String> executables, Instant firstCrash,
                      int unitFailuresBefore, int unitFailuresAfter, List<String> units) {

    public Suspect {
        executables = List.copyOf(executables);
        units = List.copyOf(units);
    }

    /** A suspect of crashes alone. */
    public Suspect(Transaction transaction, String source, String before, String after, int crashesBefore, int crashesAfter,
                   double daysUpBefore, double daysUpAfter, List<String> executables, Instant firstCrash) {
        this(transaction, source, before, after, crashesBefore, crashesAfter, daysUpBefore, daysUpAfter, executables, firstCrash, 0, 0,
                List.of());
    }

    /** Whether only units failed (no crash): said as failures, not crashes. */
    public boolean unitsOnly() {
        return crashesAfter == 0;
    }
}
