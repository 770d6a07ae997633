package org.fedoraproject.preflight.guide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.Since;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.Workaround;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.text.Text;

/**
 * Chooses the way out of an incident for this system: hold when it is at risk, go back to the
 * last good version when it is affected, update and release the hold when the fix is there,
 * and the feed's workarounds beside. Every name and version that goes into a command is checked
 * again here, whatever checked it before.
 */
public final class Planner {

    /**
     * What the system offers: the versions the repositories have (versionlock aside), on Atomic
     * desktops the deployments, the names of every pending update on hold (for any incident),
     * which "the other updates" must leave out, and the versionlock entries dnf applies.
     */
    public record Context(PackageManager manager, Optional<String> installRoot, Map<String, Set<Evr>> available,
                          List<Deployment> deployments, Set<String> heldUpdates, VersionLocks locks,
                          List<InstalledPackage> installed, Boot boot) {
        public Context {
            available = Map.copyOf(available);
            deployments = List.copyOf(deployments);
            heldUpdates = Set.copyOf(heldUpdates);
            Objects.requireNonNull(locks, "locks");
            installed = List.copyOf(installed);
            Objects.requireNonNull(boot, "boot");
        }

        /** Without the installed packages and boot state: no package is treated as installonly. */
        public Context(PackageManager manager, Optional<String> installRoot, Map<String, Set<Evr>> available,
                       List<Deployment> deployments, Set<String> heldUpdates, VersionLocks locks) {
            this(manager, installRoot, available, deployments, heldUpdates, locks, List.of(), Boot.UNKNOWN);
        }

        /** Whether every package the incident names here is installonly (kernels): side by side, never downgraded. */
        boolean installonly(IncidentAssessment assessment) {
            if (assessment.relation() == Relation.REPORTED) {
                return false; // nothing to boot, remove or exclude: no version is known to be bad
            }
            List<String> names = new ArrayList<>();
            assessment.affected().forEach(a -> names.add(a.range().name()));
            assessment.risky().forEach(u -> names.add(u.nevra().name()));
            assessment.fixing().forEach(u -> names.add(u.nevra().name()));
            return !names.isEmpty() && manager != PackageManager.RPM_OSTREE && names.stream().allMatch(boot::isInstallonly);
        }
    }

    private Planner() {
    }

    public static Plan plan(IncidentAssessment assessment, Context context) {
        Incident incident = assessment.incident().incident();
        List<Step> steps = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        if (context.installonly(assessment)) {
            steps.addAll(KernelPlanner.steps(assessment, context, notes));
        } else {
            steps.addAll(packageSteps(assessment, context, notes));
        }
        // A derived incident's workaround is a Common Issues topic's, never "the feed's".
        boolean topic = assessment.incident().derived();
        for (Workaround w : incident.workarounds()) {
            List<String> lines = new ArrayList<>(w.steps());
            lines.addAll(w.commands());
            boolean fixed = assessment.relation() == Relation.FIX_AVAILABLE;
            if (fixed && w.revert().isEmpty()) {
                continue; // nothing to undo
            }
            Text title = w.title().isEmpty() ? Text.of(fixed ? "guide.step.undoWorkaroundTopic" : "guide.step.workaroundTopic")
                    : Text.of(fixed ? "guide.step.undoWorkaround" : "guide.step.workaround", w.title());
            steps.add(new Step(title,
                    fixed || w.revert().isEmpty() ? Text.of(topic ? "guide.why.fromTopic" : "guide.why.fromFeed")
                            : Text.of(topic ? "guide.why.fromTopicRevert" : "guide.why.fromFeedRevert", String.join(" ", w.revert())),
                    List.of(), fixed ? w.revert() : lines, List.of()));
        }
        return new Plan(incident.id(), incident.title(), assessment.relation().id(), context.manager().id(), steps, notes,
                Text.of(topic ? "guide.fromTopic" : "guide.fromFeed"));
    }

    private static List<Check> outOfRange(IncidentAssessment assessment) {
        List<Check> checks = new ArrayList<>();
        for (AffectedInstall a : assessment.affected()) {
            Check c = new Check.OutOfRange(a.range().name(), a.range().range());
            if (!checks.contains(c)) {
                checks.add(c);
            }
        }
        return checks;
    }

    /** The affected names whose installed affected version a versionlock entry keeps. */
    private static List<String> pinnedByLock(IncidentAssessment assessment, Context context) {
        return assessment.affected().stream()
                .filter(a -> context.locks().names(a.range().name()) && context.locks().allows(a.range().name(),
                        a.installed().nevra().evr(), a.installed().nevra().arch()))
                .map(a -> PackageName.check(a.range().name())).distinct().toList();
    }

    /** Whether the repositories have, for every affected package, a newer version outside the range. */
    private static boolean hiddenFixes(IncidentAssessment assessment, Context context) {
        return assessment.affected().stream().allMatch(a -> context.available().getOrDefault(a.range().name(), Set.of()).stream()
                .anyMatch(v -> !a.range().range().contains(v) && v.isNewerThan(a.installed().nevra().evr())));
    }

    private static Step unlock(List<String> names, Context context, Incident incident) {
        List<String> args = new ArrayList<>(List.of("versionlock", "delete"));
        args.addAll(names);
        return new Step(Text.of("guide.step.unlock"), Text.of("guide.why.unlock", names, incident.id()),
                List.of(dnf(context, args.toArray(String[]::new))), List.of(),
                names.stream().map(n -> (Check) new Check.Released(n)).toList());
    }

    /** The guide for packages that replace their old version on update (all but installonly ones). */
    private static List<Step> packageSteps(IncidentAssessment assessment, Context context, List<Text> notes) {
        Incident incident = assessment.incident().incident();
        List<Step> steps = new ArrayList<>();
        boolean atomic = context.manager() == PackageManager.RPM_OSTREE;
switch (assessment.relation()) {
            case AT_RISK -> {
                List<String> names = names(assessment.risky());
                steps.add(atomic ? pinDeployment(context, incident) : hold(names, context, incident));
                if (!atomic) {
                    steps.add(others(assessment, context));
                }
            }
            case AFFECTED -> {
                List<String> pinned = atomic ? List.of() : pinnedByLock(assessment, context);
                if (!pinned.isEmpty()) {
                    // The lock keeps the affected version: it hides the fix and blocks a downgrade.
                    steps.add(unlock(pinned, context, incident));
                }
                if (!pinned.isEmpty() && hiddenFixes(assessment, context)) {
                    List<String> names = names(assessment);
                    List<String> args = new ArrayList<>(List.of("upgrade"));
                    args.addAll(names);
                    steps.add(new Step(Text.of("guide.step.update", names), Text.of("guide.why.unlocked"),
                            List.of(dnf(context, args.toArray(String[]::new))), List.of(), outOfRange(assessment)));
                } else {
                    steps.addAll(goBack(assessment, context, notes));
                    // A hold keeps the version one went back to: without a known last good version
                    // it would keep the affected one, and the fix out.
                    List<String> good = assessment.affected().stream().filter(a -> a.range().lastGood().isPresent())
                            .map(a -> PackageName.check(a.range().name())).distinct().toList();
                    if (!atomic && !good.isEmpty()) {
                        steps.add(hold(good, context, incident));
                    }
                }
            }
            case REPORTED -> {
                List<String> named = new ArrayList<>();
                assessment.reported().forEach(p -> named.add(p.nevra().name()));
                assessment.risky().forEach(u -> named.add(u.nevra().name()));
                notes.add(Text.of("guide.note.versionsUnknown", named.stream().distinct().toList()));
                if (!atomic && !assessment.risky().isEmpty()) {
                    steps.add(others(assessment, context));
                }
            }
            case FIX_AVAILABLE -> {
                List<String> names = assessment.fixing().stream().map(u -> PackageName.check(u.nevra().name())).distinct().toList();
                List<Check> checks = outOfRange(assessment);
                if (atomic) {
                    steps.add(new Step(Text.of("guide.step.updateImage"), Text.of("guide.why.fixPending"),
                            List.of(ShellCommand.asRoot("rpm-ostree", "upgrade")), List.of(), checks));
                } else {
                    List<String> args = new ArrayList<>(List.of("upgrade"));
                    args.addAll(names);
                    steps.add(new Step(Text.of("guide.step.update", names), Text.of("guide.why.fixAvailable"),
                            List.of(dnf(context, args.toArray(String[]::new))), List.of(), checks));
                    steps.add(release(names(assessment), context));
                }
            }
            default -> throw new IllegalStateException("no guide for " + assessment.relation());
        }
        return steps;
    }

    /** Downgrade every affected package of the incident to its last good version, together. */
    private static List<Step> goBack(IncidentAssessment assessment, Context context, List<Text> notes) {
        if (context.manager() == PackageManager.RPM_OSTREE) {
            return List.of(rollback(assessment, context, notes));
        }
        // One NAME-EVR.ARCH per installed arch: dnf4 downgrades only the best arch of a plain
        // NAME-EVR, which would leave the 32-bit build of a multilib package behind.
        Set<String> targets = new TreeSet<>(); // NAME-EVR.ARCH, sorted: the same command however rpm listed them
        List<Check> checks = new ArrayList<>();
        Set<String> said = new HashSet<>();
        boolean unavailable = false;
        for (AffectedInstall a : assessment.affected()) {
            AffectedPackage range = a.range();
            if (range.lastGood().isEmpty()) {
                if (said.add(range.name())) {
                    notes.add(Text.of("guide.note.noLastGood", range.name()));
                }
                continue;
            }
            Evr good = Evr.parseBuildable(range.lastGood().get().toString());
            String arch = PackageName.check(a.installed().nevra().arch());
            targets.add(PackageName.check(range.name()) + "-" + good + "." + arch);
            checks.add(new Check.InstalledAt(range.name(), arch, good));
            if (!said.add(range.name())) {
                continue;
            }
            if (!context.available().getOrDefault(range.name(), Set.of()).contains(good)) {
                unavailable = true;
                notes.add(Text.of("guide.note.archive", range.name() + " " + good, kojiBuild(sourceOf(a), good)));
            }
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        args.add("downgrade");
        if (unavailable) {
            args.add("--enablerepo=updates-archive");
        }
        args.addAll(targets);
        List<ShellCommand> commands = new ArrayList<>(List.of(dnf(context, args.toArray(String[]::new))));
        Text why = Text.of("guide.why.goBack");
        Optional<Long> undo = undoable(assessment, context.manager());
        if (undo.isPresent()) {
            // The alternative needs the same repositories as the downgrade, or it cannot find the
            // old builds ("Cannot find rpm nevra") and changes nothing.
            List<String> undoArgs = new ArrayList<>(unavailable ? List.of("--enablerepo=updates-archive") : List.of());
            undoArgs.addAll(List.of("history", "undo", Long.toString(undo.get())));
            commands.add(dnf(context, undoArgs.toArray(String[]::new)));
            why = Text.of("guide.why.goBackUndo", Long.toString(undo.get()));
        }
        return List.of(new Step(Text.of("guide.step.goBack", targets.size()), why, commands, List.of(), checks));
    }

    /**
     * The one transaction of the system's own package manager that brought every affected
     * package, changed no package the incident does not name, and replaced each with the feed's
     * last good version (same name and arch): undoing it is exactly going back. Never a
     * transaction that installed afresh (an undo would remove), nor one whose replaced version
     * is another (an undo would go there instead).
     */
    private static Optional<Long> undoable(IncidentAssessment assessment, PackageManager manager) {
        Set<String> named = new HashSet<>();
        assessment.incident().incident().affected().forEach(a -> named.add(a.name()));
        List<Since> since = assessment.affected().stream().map(AffectedInstall::since).toList();
        if (since.isEmpty() || since.stream().anyMatch(s -> !s.fromHistory())) {
            return Optional.empty();
        }
        Since first = since.get(0);
        boolean same = first.source().equals(manager.id())
                && since.stream().allMatch(s -> s.source().equals(first.source()) && s.transaction() == first.transaction());
        boolean onlyRelated = named.containsAll(first.transactionPackages());
        boolean restoresLastGood = assessment.affected().stream().allMatch(a -> a.range().lastGood().isPresent()
                && a.since().replaced().stream().anyMatch(r -> r.name().equals(a.installed().nevra().name())
                        && r.arch().equals(a.installed().nevra().arch()) && r.evr().compareTo(a.range().lastGood().get()) == 0));
        return same && onlyRelated && restoresLastGood ? Optional.of(first.transaction()) : Optional.empty();
    }

    private static Step rollback(IncidentAssessment assessment, Context context, List<Text> notes) {
        Optional<Deployment> rollback = context.deployments().stream().filter(d -> !d.booted() && !d.staged()).findFirst();
        Optional<Instant> since = assessment.since().map(s -> s.date());
        if (rollback.isPresent() && since.isPresent() && rollback.get().timestamp().isBefore(since.get())) {
            return new Step(Text.of("guide.step.rollback"), Text.of("guide.why.rollback", rollback.get().version()),
                    List.of(ShellCommand.asRoot("rpm-ostree", "rollback")), List.of(),
                    List.of(new Check.Booted(rollback.get().checksum())));
        }
        // rpm-ostree takes the RPMs themselves: Koji keeps each build's packages under the source
        // package's name, version and release, one file per binary package and arch.
        List<String> rpms = new ArrayList<>();
        for (AffectedInstall a : assessment.affected()) {
            a.range().lastGood().map(g -> Evr.parseBuildable(g.toString())).ifPresent(good -> {
                String arch = PackageName.check(a.installed().nevra().arch());
                String rpm = KOJI_PACKAGES + PackageName.check(sourceOf(a)) + "/" + good.version() + "/" + good.release() + "/" + arch
                        + "/" + PackageName.check(a.range().name()) + "-" + good.version() + "-" + good.release() + "." + arch + ".rpm";
                if (!rpms.contains(rpm)) {
                    rpms.add(rpm);
                }
            });
        }
        List<ShellCommand> commands = new ArrayList<>();
        if (!rpms.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rpm-ostree", "override", "replace"));
            args.addAll(rpms);
            commands.add(ShellCommand.asRoot(args.toArray(String[]::new)));
        }
        notes.add(Text.of("guide.note.noOlderDeployment"));
        return new Step(Text.of("guide.step.override"), Text.of("guide.why.override"),
                commands, List.of(), List.of());
    }

    /**
     * The other updates: every pending one but those on hold for any incident and this
     * incident's own (a plain upgrade would install them). Kernels and other packages alike.
     */
    static Step others(IncidentAssessment assessment, Context context) {
        Set<String> leaveOut = new TreeSet<>(context.heldUpdates());
        leaveOut.addAll(names(assessment.risky()));
        return new Step(Text.of("guide.step.others"), Text.of("guide.why.others", List.copyOf(leaveOut)),
                List.of(DnfCommand.upgradeExcept(context.manager(), context.installRoot(), leaveOut)), List.of(), List.of());
    }

    private static Step hold(List<String> names, Context context, Incident incident) {
        List<String> args = new ArrayList<>(List.of("versionlock", "add"));
        args.addAll(names);
        return new Step(Text.of("guide.step.hold", names), Text.of(context.manager() == PackageManager.DNF4 ? "guide.why.holdDnf4"
                : "guide.why.hold", incident.id()),
                List.of(dnf(context, args.toArray(String[]::new))), List.of(),
                names.stream().map(n -> (Check) new Check.Held(n)).toList());
    }

    private static Step release(List<String> names, Context context) {
        List<String> args = new ArrayList<>(List.of("versionlock", "delete"));
        args.addAll(names);
        return new Step(Text.of("guide.step.release"), Text.of("guide.why.release", names),
                List.of(dnf(context, args.toArray(String[]::new))), List.of(),
                names.stream().map(n -> (Check) new Check.Released(n)).toList());
    }

    private static Step pinDeployment(Context context, Incident incident) {
        int booted = 0;
        String checksum = "";
        for (int k = 0; k < context.deployments().size(); k++) {
            if (context.deployments().get(k).booted()) {
                booted = k;
                checksum = context.deployments().get(k).checksum();
            }
        }
        return new Step(Text.of("guide.step.pin"), Text.of("guide.why.pin", incident.id()),
                List.of(ShellCommand.asRoot("ostree", "admin", "pin", Integer.toString(booted))), List.of(),
                checksum.isEmpty() ? List.of() : List.of(new Check.Pinned(checksum)));
    }

    /** Koji's page of one build, by NAME-VERSION-RELEASE: where a build no repository keeps can still be had. */
    static final String KOJI_BUILD = "https://koji.fedoraproject.org/koji/search?type=build&match=exact&terms=";
    /** Where Koji keeps a build's RPMs: {@code SOURCE/VERSION/RELEASE/ARCH/NAME-VERSION-RELEASE.ARCH.rpm}. */
    static final String KOJI_PACKAGES = "https://kojipkgs.fedoraproject.org/packages/";

    /**
     * Koji knows builds by the source package: ostree-2023.3-3.fc38 builds ostree-libs. The
     * installed package's SOURCERPM names it, else the feed's {@code source}, else the name.
     */
    static String sourceOf(AffectedInstall a) {
        String installed = a.installed().source();
        return !installed.isEmpty() ? installed : a.range().source().orElse(a.range().name());
    }

    static String kojiBuild(String source, Evr good) {
        return KOJI_BUILD + PackageName.check(source) + "-" + good.version() + "-" + good.release();
    }

    static ShellCommand dnf(Context context, String... args) {
        return DnfCommand.of(context.manager(), context.installRoot(), List.of(args));
    }

    private static List<String> names(List<PendingUpdate> updates) {
        return updates.stream().map(u -> PackageName.check(u.nevra().name())).distinct().toList();
    }

    private static List<String> names(IncidentAssessment assessment) {
        return assessment.affected().stream().map(a -> PackageName.check(a.range().name())).distinct().toList();
    }
}
