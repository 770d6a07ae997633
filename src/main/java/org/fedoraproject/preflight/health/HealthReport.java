package org.fedoraproject.preflight.health;

import java.util.List;
import org.fedoraproject.preflight.machine.Transaction;

/** What the machine's own records say about its recent transactions. */
public record HealthReport(int days, List<Suspect> suspects, List<IncidentShown> incidents, List<FailedBoot> failedBoots,
                           Evidence evidence) {

    /** A known incident whose affected version crashed here: the system is affected, and it shows. */
    public record IncidentShown(String incident, int crashes, List<String> executables) {
        public IncidentShown {
            executables = List.copyOf(executables);
        }
    }

    /** A boot that never reached "Startup finished" after a transaction that installed a kernel. */
    public record FailedBoot(BootSpan boot, Transaction transaction, String kernel) {
    }

    public HealthReport {
        suspects = List.copyOf(suspects);
        incidents = List.copyOf(incidents);
        failedBoots = List.copyOf(failedBoots);
    }
}
