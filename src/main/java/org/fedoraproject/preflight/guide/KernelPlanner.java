package org.fedoraproject.preflight.guide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.text.Text;

/**
 * The way out for installonly packages (kernels). dnf installs a kernel beside the others and
 * boots the newest, so the way back is not a downgrade (dnf refuses one for an installonly
 * package) and not a versionlock on the name (it would keep every later kernel out, the fix
 * too): boot the previous kernel, make it the default, remove the bad one with all its
 * siblings of that version, and keep that one version out with a versionlock exclude.
 */
final class KernelPlanner {

    private KernelPlanner() {
    }

    static List<Step> steps(IncidentAssessment assessment, Planner.Context context, List<Text> notes) {
        Incident incident = assessment.incident().incident();
        if (context.boot().defaultKernel().isEmpty() && !context.boot().defaultFrom().isEmpty()) {
            notes.add(Text.of("guide.note.defaultUnknown", context.boot().defaultFrom()));
        }
        List<Step> steps = new ArrayList<>();
        switch (assessment.relation()) {
            case AT_RISK -> {
                steps.add(exclude(pendingVersions(assessment.risky()), context, incident));
                if (!assessment.affected().isEmpty()) {
                    steps.add(remove(assessment, context)); // an older kernel in the range, kept beside
                }
                steps.add(Planner.others(assessment, context));
            }
            case FIX_AVAILABLE -> {
                List<String> names = assessment.fixing().stream().map(u -> PackageName.check(u.nevra().name())).distinct().toList();
                List<String> args = new ArrayList<>(List.of("upgrade"));
                args.addAll(names);
                steps.add(new Step(Text.of("guide.step.fixedKernel"), Text.of("guide.why.fixedKernel"),
                        List.of(Planner.dnf(context, args.toArray(String[]::new))), List.of(),
                        assessment.fixing().stream().map(u -> (Check) new Check.Present(u.nevra().name(), u.nevra().arch(),
                                u.nevra().evr())).toList()));
                assessment.fixing().stream().findFirst().ifPresent(u -> steps.add(reboot(Boot.kernelRelease(u.nevra()))));
                if (assessment.affected().stream().allMatch(AffectedInstall::broughtBySince)) {
                    steps.add(remove(assessment, context)); // only a version known to be bad is removed
                }
            }
            case AFFECTED -> steps.addAll(affected(assessment, context, notes, incident));
            case NOT_IN_USE -> {
                steps.add(remove(assessment, context));
                steps.add(exclude(affectedVersions(assessment), context, incident));
            }
            default -> throw new IllegalStateException("no kernel guide for " + assessment.relation());
        }
        return steps;
    }

    private static List<Step> affected(IncidentAssessment assessment, Planner.Context context, List<Text> notes,
                                       Incident incident) {
        List<Step> steps = new ArrayList<>();
        Optional<InstalledPackage> good = newestGood(assessment, context);
        Boot boot = context.boot();
        boolean defaultBad = assessment.affected().stream()
                .anyMatch(a -> boot.defaultKernel().filter(Boot.kernelRelease(a.installed().nevra())::equals).isPresent()
                        || boot.defaultKernel().isEmpty());
        Optional<String> target = good.map(p -> Boot.kernelRelease(p.nevra())).or(() -> lastGoodRelease(assessment));
        if (target.isEmpty()) {
            // No unaffected kernel installed and none named: nothing to boot into. Booting
            // "the previous kernel" or removing this one could leave the system without one.
            assessment.affected().stream().map(a -> a.range().name()).distinct()
                    .forEach(n -> notes.add(Text.of("guide.note.noLastGoodKernel", n)));
            return steps;
        }
        if (good.isEmpty()) {
            steps.add(installLastGood(assessment, context, notes));
        }
        if (defaultBad) {
            steps.add(new Step(Text.of("guide.step.bootPrevious"), Text.of("guide.why.bootPrevious", target.get()),
                    List.of(ShellCommand.asRoot("grub2-editenv", "-", "unset", "menu_auto_hide")), List.of(),
                    List.of(new Check.Running(target.get()))));
            steps.add(new Step(Text.of("guide.step.makeDefault"), Text.of("guide.why.makeDefault", target.get()),
                    List.of(ShellCommand.asRoot("grubby", "--set-default", "/boot/vmlinuz-" + PackageName.check(target.get()))),
                    List.of(), List.of(new Check.DefaultKernel(target.get()))));
        } else {
            steps.add(reboot(boot.defaultKernel().orElseThrow()));
        }
        steps.add(remove(assessment, context));
        steps.add(exclude(affectedVersions(assessment), context, incident));
        return steps;
    }

    private static Step reboot(String release) {
        return new Step(Text.of("guide.step.reboot", release), Text.of("guide.why.reboot"),
                List.of(ShellCommand.asRoot("systemctl", "reboot")), List.of(), List.of(new Check.Running(PackageName.check(release))));
    }

    /** Removes the affected version with every installonly sibling of that version (kernel, -core, -modules …). */
    private static Step remove(IncidentAssessment assessment, Planner.Context context) {
        Set<String> releases = new LinkedHashSet<>();
        assessment.affected().forEach(a -> releases.add(Boot.kernelRelease(a.installed().nevra())));
        List<String> args = new ArrayList<>(List.of("remove"));
        List<Check> checks = new ArrayList<>();
        for (InstalledPackage p : context.installed()) {
            if (context.boot().isInstallonly(p.nevra().name()) && releases.contains(Boot.kernelRelease(p.nevra()))) {
                args.add(spec(p.nevra()));
                checks.add(new Check.Absent(p.nevra().name(), p.nevra().evr()));
            }
        }
        if (checks.isEmpty()) {
            for (AffectedInstall a : assessment.affected()) {
                args.add(spec(a.installed().nevra()));
                checks.add(new Check.Absent(a.installed().nevra().name(), a.installed().nevra().evr()));
            }
        }
        return new Step(Text.of("guide.step.removeKernel", List.copyOf(releases)), Text.of("guide.why.removeKernel"),
                List.of(Planner.dnf(context, args.toArray(String[]::new))), List.of(), checks);
    }

    /** A versionlock exclude of these exact versions: later kernels, the fix among them, still come. */
    private static Step exclude(List<Nevra> versions, Planner.Context context, Incident incident) {
        List<String> args = new ArrayList<>(List.of("versionlock", "exclude"));
        List<Check> checks = new ArrayList<>();
        Set<String> said = new LinkedHashSet<>();
        for (Nevra n : versions) {
            if (said.add(n.name() + "-" + n.evr())) {
                args.add(PackageName.check(n.name()) + "-" + Evr.parseBuildable(n.evr().toString()));
                checks.add(new Check.Excluded(n.name(), n.evr()));
            }
        }
        boolean dnf4 = context.manager() == PackageManager.DNF4;
        return new Step(Text.of("guide.step.exclude", versions.get(0).evr().toString()),
                Text.of(dnf4 ? "guide.why.excludeDnf4" : "guide.why.exclude", incident.id()),
                List.of(Planner.dnf(context, args.toArray(String[]::new))), List.of(), checks);
    }

    private static Step installLastGood(IncidentAssessment assessment, Planner.Context context, List<Text> notes) {
        List<String> args = new ArrayList<>(List.of("install"));
        List<Check> checks = new ArrayList<>();
        for (AffectedInstall a : assessment.affected()) {
            AffectedPackage range = a.range();
            if (range.lastGood().isEmpty()) {
                notes.add(Text.of("guide.note.noLastGoodKernel", range.name()));
                continue;
            }
            Evr good = Evr.parseBuildable(range.lastGood().get().toString());
            args.add(PackageName.check(range.name()) + "-" + good + "." + PackageName.check(a.installed().nevra().arch()));
            checks.add(new Check.Present(range.name(), a.installed().nevra().arch(), good));
            if (!context.available().getOrDefault(range.name(), Set.of()).contains(good)) {
                args.add(1, "--enablerepo=updates-archive");
                notes.add(Text.of("guide.note.archiveKernel", range.name() + " " + good));
            }
        }
        // Only the packages with a last good version are named: a bare "install" would be no command at all.
        return new Step(Text.of("guide.step.lastGoodKernel"), Text.of("guide.why.lastGoodKernel"),
                List.of(Planner.dnf(context, args.stream().distinct().toArray(String[]::new))), List.of(), checks);
    }

    /** The newest installed version of the incident's packages outside every range: the kernel to go back to. */
    private static Optional<InstalledPackage> newestGood(IncidentAssessment assessment, Planner.Context context) {
        Set<String> names = new TreeSet<>();
        assessment.affected().forEach(a -> names.add(a.range().name()));
        return context.installed().stream()
                .filter(p -> names.contains(p.nevra().name()))
                .filter(p -> assessment.incident().incident().affected().stream()
                        .noneMatch(r -> r.name().equals(p.nevra().name()) && r.range().contains(p.nevra().evr())))
                .max(Comparator.comparing((InstalledPackage p) -> p.nevra().evr()));
    }

    /** The kernel release of the last good version the incident names, never the affected one's. */
    private static Optional<String> lastGoodRelease(IncidentAssessment assessment) {
        return assessment.affected().stream().filter(a -> a.range().lastGood().isPresent()).findFirst()
                .map(a -> a.range().lastGood().get().version() + "-" + a.range().lastGood().get().release() + "."
                        + a.installed().nevra().arch());
    }

    private static List<Nevra> affectedVersions(IncidentAssessment assessment) {
        return assessment.affected().stream().map(a -> a.installed().nevra()).toList();
    }

    private static List<Nevra> pendingVersions(List<PendingUpdate> updates) {
        return updates.stream().map(PendingUpdate::nevra).toList();
    }

    private static String spec(Nevra n) {
        return PackageName.check(n.name()) + "-" + Evr.parseBuildable(n.evr().toString()) + "." + PackageName.check(n.arch());
    }
}
