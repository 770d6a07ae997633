package org.fedoraproject.preflight.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * Puts each package that left a transaction because it was replaced next to the package that
 * replaced it: by the link the database keeps (dnf4), else by name and arch (an upgrade,
 * downgrade or reinstall of the same package; dnf5 keeps no link). What still has no partner
 * (a package obsoleted under another name, in dnf5) stays on its own as {@link PackageAction#REPLACED}.
 */
public final class ItemPairing {

    private ItemPairing() {
    }

    public static List<TransactionItem> pair(List<RecordedItem> recorded) {
        Map<Long, RecordedItem> staying = new LinkedHashMap<>();
        Map<String, RecordedItem> replacingByNameArch = new HashMap<>();
        Map<Long, List<Nevra>> replaced = new LinkedHashMap<>();
        for (RecordedItem item : recorded) {
            if (!item.leaving()) {
                staying.put(item.id(), item);
                replaced.put(item.id(), new ArrayList<>());
                if (replaces(item.action())) {
                    replacingByNameArch.putIfAbsent(item.nevra().nameArch(), item);
                }
            }
        }
        List<TransactionItem> orphans = new ArrayList<>();
        for (RecordedItem item : recorded) {
            if (!item.leaving()) {
                continue;
            }
            Optional<RecordedItem> partner = partner(item, staying, replacingByNameArch);
            if (partner.isPresent()) {
                replaced.get(partner.get().id()).add(item.nevra());
            } else {
                orphans.add(new TransactionItem(item.nevra(), PackageAction.REPLACED, item.reason(), item.repository(), List.of()));
            }
        }
        List<TransactionItem> items = new ArrayList<>();
        for (RecordedItem item : staying.values()) {
            items.add(new TransactionItem(item.nevra(), item.action(), item.reason(), item.repository(), replaced.get(item.id())));
        }
        items.addAll(orphans);
        return items;
    }

    private static Optional<RecordedItem> partner(RecordedItem leaving, Map<Long, RecordedItem> staying,
                                                  Map<String, RecordedItem> replacingByNameArch) {
        if (leaving.replacedBy().isPresent()) {
            RecordedItem linked = staying.get(leaving.replacedBy().getAsLong());
            if (linked != null) {
                return Optional.of(linked);
            }
        }
        return Optional.ofNullable(replacingByNameArch.get(leaving.nevra().nameArch()));
    }

    private static boolean replaces(PackageAction action) {
        return action == PackageAction.UPGRADE || action == PackageAction.DOWNGRADE
                || action == PackageAction.REINSTALL || action == PackageAction.OBSOLETE;
    }
}
