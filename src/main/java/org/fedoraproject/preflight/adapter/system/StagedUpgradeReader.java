package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.machine.StagedUpgrade;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A staged release upgrade: dnf5's /usr/lib/sysimage/libdnf5/offline/offline-transaction-state.toml
 * (status, target_releasever, verb; a "system-upgrade" verb is a release upgrade, its status
 * download-complete or ready once it can be rebooted into), and PackageKit's prepared upgrade.
 */
public final class StagedUpgradeReader {

    static final String DNF5_STATE = "usr/lib/sysimage/libdnf5/offline/offline-transaction-state.toml";

    private final Target target;

    public StagedUpgradeReader(Target target) {
        this.target = target;
    }

    public List<StagedUpgrade> read(PackageKitView packageKit) {
        List<StagedUpgrade> staged = new ArrayList<>();
        try {
            TomlParseResult toml = Toml.parse(RegularFiles.readString(target.file(DNF5_STATE), RegularFiles.SMALL));
            TomlTable table = toml.isTable("offline-transaction-state") ? toml.getTable("offline-transaction-state") : toml;
            String verb = SafeText.line(String.valueOf(table.getString("verb", () -> "")));
            String release = SafeText.line(String.valueOf(table.getString("target_releasever", () -> "")));
            String system = SafeText.line(String.valueOf(table.getString("system_releasever", () -> "")));
            if (verb.contains("system-upgrade") && !release.isEmpty() && !release.equals(system)) {
                staged.add(new StagedUpgrade("dnf5", release, SafeText.line(String.valueOf(table.getString("status", () -> ""))),
                        List.of("sudo", "dnf5", "offline", "clean")));
            }
        } catch (IOException | RuntimeException e) {
            // no staged dnf5 transaction (the usual case), or not one we can read
        }
        packageKit.preparedUpgrade().ifPresent(release -> staged.add(new StagedUpgrade("PackageKit", release, "prepared",
                PackageKitView.CANCEL)));
        return staged;
    }
}
