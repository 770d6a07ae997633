package org.fedoraproject.preflight.health;

import java.time.Instant;
import java.util.List;
import org.fedoraproject.preflight.machine.Transaction;

/**
 * A transaction after which a source package's code started crashing: the versions before and
 * after, the crashes in the comparable time before and after it, the days the machine was up in
 * each, and the executables that crashed. A suspect, never a proven cause.
 */
public record Suspect(Transaction transaction, String source, String before, String after, int crashesBefore, int crashesAfter,
                      double daysUpBefore, double daysUpAfter, List<String> executables, Instant firstCrash) {

    public Suspect {
        executables = List.copyOf(executables);
    }
}
