package org.fedoraproject.preflight.guide;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.text.Text;

/**
 * Whether a step's checks hold on the system as read again, and if not, what is still different;
 * and what the system shows now for the packages and holds the step is about ("mesa-libGL is at
 * 25.1.2-1.fc43"), said beside a step that is done.
 */
public record StepStatus(boolean done, List<Text> stillDifferent, List<Text> shows) {

    public StepStatus {
        stillDifferent = List.copyOf(stillDifferent);
        shows = List.copyOf(shows);
    }

    /** A step without checks is never "done" by itself: only the user can say. */
    public static StepStatus of(Step step, Observed now) {
        List<InstalledPackage> installed = now.installed();
        VersionLocks locks = now.locks();
        List<Deployment> deployments = now.deployments();
        if (step.checks().isEmpty()) {
            return new StepStatus(false, List.of(), List.of());
        }
        List<Text> different = new ArrayList<>();
        for (Check check : step.checks()) {
            if (check instanceof Check.InstalledAt c) {
                List<String> have = installed.stream()
                        .filter(p -> p.nevra().name().equals(c.name()) && p.nevra().arch().equals(c.arch()))
                        .map(p -> p.nevra().evr().toString()).toList();
                if (!have.equals(List.of(c.evr().toString()))) {
                    different.add(have.isEmpty() ? Text.of("guide.differs.notInstalled", c.name() + "." + c.arch(), c.evr().toString())
                            : Text.of("guide.differs.installedAt", c.name() + "." + c.arch(), have, c.evr().toString()));
                }
            } else if (check instanceof Check.Present c) {
                if (installed.stream().noneMatch(p -> p.nevra().name().equals(c.name()) && p.nevra().arch().equals(c.arch())
                        && p.nevra().evr().compareTo(c.evr()) == 0)) {
                    different.add(Text.of("guide.differs.absent", c.name() + " " + c.evr() + "." + c.arch()));
                }
            } else if (check instanceof Check.Absent c) {
                if (installed.stream().anyMatch(p -> p.nevra().name().equals(c.name()) && p.nevra().evr().compareTo(c.evr()) == 0)) {
                    different.add(Text.of("guide.differs.stillInstalled", c.name() + " " + c.evr()));
                }
            } else if (check instanceof Check.Running c) {
                if (!now.boot().running().filter(c.kernelRelease()::equals).isPresent()) {
                    different.add(now.boot().running().map(r -> Text.of("guide.differs.running", r, c.kernelRelease()))
                            .orElse(Text.of("guide.differs.runningUnknown")));
                }
            } else if (check instanceof Check.DefaultKernel c) {
                if (!now.boot().defaultKernel().filter(c.kernelRelease()::equals).isPresent()) {
                    different.add(now.boot().defaultKernel().map(d -> Text.of("guide.differs.defaultKernel", d, c.kernelRelease()))
                            .orElse(Text.of("guide.differs.defaultUnknown")));
                }
            } else if (check instanceof Check.OutOfRange c) {
                installed.stream()
                        .filter(p -> p.nevra().name().equals(c.name()) && c.range().contains(p.nevra().evr()))
                        .forEach(p -> different.add(Text.of("guide.differs.inRange", c.name() + " " + p.nevra().evr())));
            } else if (check instanceof Check.Held c && !locks.holds(c.name())) {
                different.add(Text.of("guide.differs.notHeld", c.name()));
            } else if (check instanceof Check.Released c && locks.names(c.name())) {
                different.add(Text.of("guide.differs.stillHeld", c.name()));
            } else if (check instanceof Check.Excluded c && locks.allows(c.name(), c.evr(), "")) {
                different.add(Text.of("guide.differs.notExcluded", c.name() + " " + c.evr()));
            } else if (check instanceof Check.Pinned c
                    && deployments.stream().noneMatch(d -> d.checksum().equals(c.checksum()) && d.pinned())) {
                different.add(Text.of("guide.differs.notPinned", shorten(c.checksum())));
            } else if (check instanceof Check.Booted c
                    && deployments.stream().noneMatch(d -> d.checksum().equals(c.checksum()) && d.booted())) {
                different.add(Text.of("guide.differs.notBooted", shorten(c.checksum())));
            }
        }
        return new StepStatus(different.isEmpty(), different, shows(step, now));
    }

    /** For each package a check names, the versions installed now (or none); for each hold, whether it is there. */
    private static List<Text> shows(Step step, Observed now) {
        Set<Text> said = new LinkedHashSet<>();
        for (Check check : step.checks()) {
            String name = check instanceof Check.InstalledAt c ? c.name() : check instanceof Check.Present c ? c.name()
                    : check instanceof Check.Absent c ? c.name() : check instanceof Check.OutOfRange c ? c.name() : null;
            if (name != null) {
                List<String> versions = now.installed().stream().filter(p -> p.nevra().name().equals(name))
                        .map(p -> p.nevra().evr().toString()).distinct().toList();
                said.add(versions.isEmpty() ? Text.of("guide.shows.notInstalled", name) : Text.of("guide.shows.at", name, versions));
            } else if (check instanceof Check.Held c) {
                said.add(Text.of(now.locks().holds(c.name()) ? "guide.shows.held" : "guide.shows.notHeld", c.name()));
            } else if (check instanceof Check.Released c) {
                said.add(Text.of(now.locks().names(c.name()) ? "guide.shows.held" : "guide.shows.notHeld", c.name()));
            } else if (check instanceof Check.Running) {
                now.boot().running().ifPresent(r -> said.add(Text.of("guide.shows.running", r)));
            }
        }
        return List.copyOf(said);
    }

    private static String shorten(String checksum) {
        return checksum.length() > 10 ? checksum.substring(0, 10) : checksum;
    }
}
