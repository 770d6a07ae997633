package org.fedoraproject.preflight.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import org.fedoraproject.preflight.adapter.files.XdgDirs;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.GuideService;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.app.HookCheck;
import org.fedoraproject.preflight.app.SystemPort;
import org.fedoraproject.preflight.app.UpgradeService;
import org.fedoraproject.preflight.desk.DeskTools;
import org.fedoraproject.preflight.text.Messages;

/** What the terminal commands use, wired by the composition root. */
public record Services(SystemPort system, Supplier<CheckService> checks, Supplier<UpgradeService> upgrades,
                       Supplier<GuideService> guides, HookCheck hook, Supplier<DeskTools> desk, Supplier<HealthService> health,
                       Map<String, String> env, XdgDirs dirs,
                       Clock clock, ZoneId zone, Messages text) {

    public CheckService check() {
        return checks.get();
    }

    public UpgradeService upgrade() {
        return upgrades.get();
    }
}
