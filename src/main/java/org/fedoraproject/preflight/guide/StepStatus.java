package org.fedoraproject.preflight.guide;

import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.VersionLocks;

/** Whether a step's checks hold on the system as read again, and if not, what is still different. */
public record StepStatus(boolean done, List<String> stillDifferent) {

    public StepStatus {
        stillDifferent = List.copyOf(stillDifferent);
    }

    /** A step without checks is never "done" by itself: only the user can say. */
    public static StepStatus of(Step step, Observed now) {
        List<InstalledPackage> installed = now.installed();
        VersionLocks locks = now.locks();
        List<Deployment> deployments = now.deployments();
        if (step.checks().isEmpty()) {
            return new StepStatus(false, List.of());
        }
        List<String> different = new ArrayList<>();
        for (Check check : step.checks()) {
            if (check instanceof Check.InstalledAt c) {
                List<String> have = installed.stream()
                        .filter(p -> p.nevra().name().equals(c.name()) && p.nevra().arch().equals(c.arch()))
                        .map(p -> p.nevra().evr().toString()).toList();
                if (!have.equals(List.of(c.evr().toString()))) {
                    different.add(c.name() + "." + c.arch() + " is "
                            + (have.isEmpty() ? "not installed" : "at " + String.join(", ", have)) + ", not " + c.evr());
                }
            } else if (check instanceof Check.Present c) {
                if (installed.stream().noneMatch(p -> p.nevra().name().equals(c.name()) && p.nevra().arch().equals(c.arch())
                        && p.nevra().evr().compareTo(c.evr()) == 0)) {
                    different.add(c.name() + " " + c.evr() + "." + c.arch() + " is not installed");
                }
            } else if (check instanceof Check.Absent c) {
                if (installed.stream().anyMatch(p -> p.nevra().name().equals(c.name()) && p.nevra().evr().compareTo(c.evr()) == 0)) {
                    different.add(c.name() + " " + c.evr() + " is still installed");
                }
            } else if (check instanceof Check.Running c) {
                if (!now.boot().running().filter(c.kernelRelease()::equals).isPresent()) {
                    different.add(now.boot().running().map(r -> "the machine runs " + r + ", not " + c.kernelRelease())
                            .orElse("which kernel runs is not known here (a system under a root)"));
                }
            } else if (check instanceof Check.DefaultKernel c) {
                if (!now.boot().defaultKernel().filter(c.kernelRelease()::equals).isPresent()) {
                    different.add(now.boot().defaultKernel().map(d -> "the default boot entry is " + d + ", not " + c.kernelRelease())
                            .orElse("the default boot entry could not be read"));
                }
            } else if (check instanceof Check.OutOfRange c) {
                installed.stream()
                        .filter(p -> p.nevra().name().equals(c.name()) && c.range().contains(p.nevra().evr()))
                        .forEach(p -> different.add(c.name() + " " + p.nevra().evr() + " is still in the affected range"));
            } else if (check instanceof Check.Held c && !locks.holds(c.name())) {
                different.add(c.name() + " is not held by versionlock");
            } else if (check instanceof Check.Released c && locks.names(c.name())) {
                different.add(c.name() + " is still held by versionlock");
            } else if (check instanceof Check.Excluded c && locks.allows(c.name(), c.evr(), "")) {
                different.add(c.name() + " " + c.evr() + " is not excluded by versionlock");
            } else if (check instanceof Check.Pinned c
                    && deployments.stream().noneMatch(d -> d.checksum().equals(c.checksum()) && d.pinned())) {
                different.add("deployment " + shorten(c.checksum()) + " is not pinned");
            } else if (check instanceof Check.Booted c
                    && deployments.stream().noneMatch(d -> d.checksum().equals(c.checksum()) && d.booted())) {
                different.add("the system does not run deployment " + shorten(c.checksum()) + " yet (reboot after the rollback)");
            }
        }
        return new StepStatus(different.isEmpty(), different);
    }

    private static String shorten(String checksum) {
        return checksum.length() > 10 ? checksum.substring(0, 10) : checksum;
    }
}
