package org.fedoraproject.preflight.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Publishers' most common range mistake: a range written without the epoch of a package that
 * has one ({@code grub2-efi-x64} has epoch 1). In rpm's order every epoch-1 version is above
 * every epoch-0 one, so such a range never matches (or, open-ended, matches every version):
 * a silent "safe" or a false alarm. Said for each entry whose range's epochs are none of the
 * installed package's.
 */
public final class EpochCheck {

    private EpochCheck() {
    }

    /** {@code epochs}: the epochs of the installed packages, by name. */
    public static List<String> warnings(List<SourcedIncident> incidents, Map<String, Set<Long>> epochs) {
        List<String> warnings = new ArrayList<>();
        for (SourcedIncident si : incidents) {
            for (AffectedPackage a : si.incident().affected()) {
                Set<Long> installed = epochs.getOrDefault(a.name(), Set.of());
                Set<Long> range = new TreeSet<>();
                range.add(a.introduced().epoch());
                a.fixed().ifPresent(f -> range.add(f.epoch()));
                if (!installed.isEmpty() && installed.stream().noneMatch(range::contains)) {
                    warnings.add(si.incident().id() + ": the range of " + a.name() + " (" + a.range() + ") has epoch "
                            + join(range) + ", but the installed " + a.name() + " has epoch " + join(installed) + ": the range "
                            + (a.fixed().isPresent() ? "cannot match" : "matches every version of") + " it (the feed should"
                            + " write the epoch, e.g. " + join(installed).split(", ")[0] + ":" + a.introduced().version()
                            + (a.introduced().release().isEmpty() ? "" : "-" + a.introduced().release()) + ")");
                }
            }
        }
        return warnings;
    }

    private static String join(Set<Long> epochs) {
        return String.join(", ", new TreeSet<>(epochs).stream().map(String::valueOf).toList());
    }
}
