package org.fedoraproject.preflight.assess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * Finds the transaction that brought each of some exact packages. The assessment asks only for
 * the few affected packages, so a check need not read the whole history to answer.
 */
@FunctionalInterface
public interface SinceLookup {

    SinceLookup NONE = wanted -> Map.of();

    Map<Nevra, Since> find(Set<Nevra> wanted);

    /**
     * Over a history already read, newest first: the newest transaction that brought each
     * package. A reinstall (or any item that replaced the very same package) did not bring the
     * version, it only wrote it again: the search goes on to the transaction that did.
     */
    static SinceLookup of(List<Transaction> newestFirst) {
        return wanted -> {
            Map<Nevra, Since> found = new HashMap<>();
            if (wanted.isEmpty()) {
                return found;
            }
            for (Transaction t : newestFirst) {
                for (TransactionItem item : t.items()) {
                    if (brought(item) && wanted.contains(item.nevra()) && !found.containsKey(item.nevra())) {
                        List<String> names = t.items().stream().map(i -> i.nevra().name()).distinct().toList();
                        found.put(item.nevra(), Since.of(t.source(), t.id(), t.start(), t.description(), item.replaced(), names));
                    }
                }
                if (found.size() == wanted.size()) {
                    break;
                }
            }
            return found;
        };
    }

    private static boolean brought(TransactionItem item) {
        return item.action().brings() && item.action() != PackageAction.REINSTALL && !item.replaced().contains(item.nevra());
    }
}
