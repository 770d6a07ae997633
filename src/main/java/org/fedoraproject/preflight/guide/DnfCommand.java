package org.fedoraproject.preflight.guide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.rpm.PackageName;

/**
 * dnf commands as Preflight prepares them: {@code dnf5} by its own name on dnf5 systems (where
 * {@code dnf} is the same program), {@code dnf} on dnf4 ones, with the install root when one is
 * inspected, always as root.
 */
public final class DnfCommand {

    private DnfCommand() {
    }

    public static ShellCommand of(PackageManager manager, Optional<String> installRoot, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(manager == PackageManager.DNF5 ? "dnf5" : "dnf");
        installRoot.ifPresent(root -> all.add("--installroot=" + root));
        all.addAll(args);
        return new ShellCommand(all, true);
    }

    /**
     * Every pending update but those on hold: {@code dnf upgrade --exclude=NAME} for each held
     * name (sorted, each checked against rpm's rules), so that "the rest" never installs one of them.
     */
    public static ShellCommand upgradeExcept(PackageManager manager, Optional<String> installRoot, Collection<String> held) {
        List<String> args = new ArrayList<>(List.of("upgrade"));
        for (String name : new TreeSet<>(held)) {
            args.add("--exclude=" + PackageName.check(name));
        }
        return of(manager, installRoot, args);
    }
}
