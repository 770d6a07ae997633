package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.machine.PackageManager;

/**
 * The system Preflight inspects, seen two ways: {@code files} is where Preflight itself reads
 * its files (os-release, the history databases), {@code commandRoot} is the same root as the
 * commands it runs see it, for {@code rpm --root} and {@code dnf --installroot}. They differ
 * inside the Flatpak (files under /run/host, commands on the host through flatpak-spawn) and for
 * the test roots (commands run in a chroot).
 */
public record Target(Path files, String commandRoot, CommandRunner runner, Optional<String> scratch, Optional<DnfCache> cache) {

    public Target {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(commandRoot, "commandRoot");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(scratch, "scratch");
        Objects.requireNonNull(cache, "cache");
    }

    /** dnf's own metadata cache of the system. */
    public Target(Path files, String commandRoot, CommandRunner runner, Optional<String> scratch) {
        this(files, commandRoot, runner, scratch, Optional.empty());
    }

    /** The same system, read through Preflight's own metadata cache. */
    public Target withCache(DnfCache own) {
        return new Target(files, commandRoot, runner, scratch, Optional.of(own));
    }

    /** When dnf last downloaded the metadata this target's queries read. */
    public Optional<Instant> metadataTime(PackageManager manager) {
        return cache.isPresent() ? cache.get().metadataTime()
                : MetadataAge.of(file(manager == PackageManager.DNF5 ? "var/cache/libdnf5"
                        : "var/cache/dnf"));
    }

    /** With the process's own scratch directory for dnf's files ({@link Scratch}). */
    public Target(Path files, String commandRoot, CommandRunner runner) {
        this(files, commandRoot, runner, Scratch.dir(Optional.empty()).map(Path::toString));
    }

    /** This machine, or the system installed under {@code root} ({@code --root DIR}). */
    public static Target of(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        return new Target(absolute, absolute.toString(), ProcessCommandRunner.direct());
    }

    /**
     * Whether the system has an rpm database where Fedora keeps it ({@code /usr/lib/sysimage/rpm},
     * or {@code /var/lib/rpm}): without one, dnf run as root would make one in the inspected root.
     */
    public boolean hasRpmDatabase() {
        for (String dir : List.of("usr/lib/sysimage/rpm", "var/lib/rpm")) {
            try (var entries = Files.list(file(dir))) {
                if (entries.findAny().isPresent()) {
                    return true;
                }
            } catch (IOException e) {
                // not there
            }
        }
        return false;
    }

    public boolean isHost() {
        return "/".equals(commandRoot);
    }

    /** {@code --root=DIR} for rpm, nothing for the running system. */
    public List<String> rpmRootArgs() {
        return isHost() ? List.of() : List.of("--root=" + commandRoot);
    }

    /** {@code --installroot=DIR} for dnf, nothing for the running system. */
    public List<String> dnfRootArgs() {
        return isHost() ? List.of() : List.of("--installroot=" + commandRoot);
    }

    /**
     * {@code --installroot=DIR} for dnf4, and the root's own plugin configuration when it has one:
     * dnf4 reads plugin configuration from the running system even under --installroot, so the
     * root's versionlock list (which hides versions from check-update) would not count.
     */
    public List<String> dnf4RootArgs() {
        if (isHost()) {
            return List.of();
        }
        if (Files.isDirectory(file("etc/dnf/plugins"))) {
            return List.of("--installroot=" + commandRoot, "--setopt=pluginconfpath=" + commandRoot + "/etc/dnf/plugins");
        }
        return dnfRootArgs();
    }

    /**
     * A read-only dnf query of the inspected system: the program of {@code manager} ({@code dnf5},
     * or {@code dnf-3}, dnf4's own name, where {@code dnf} may be dnf5), its root arguments, and
     * {@code --cacheonly --quiet}, so that it reads what dnf already downloaded and nothing else.
     */
    public List<String> dnfQuery(PackageManager manager, List<String> args) {
        return dnf(manager, args, true);
    }

    /**
     * {@code dnf makecache --refresh} into Preflight's own cache (this target's {@code cache}):
     * the one dnf command Preflight runs that downloads, and it writes nowhere but that cache.
     */
    public List<String> dnfRefresh(PackageManager manager) {
        if (cache.isEmpty()) {
            throw new IllegalStateException("a refresh writes only Preflight's own cache: none is set");
        }
        return dnf(manager, List.of("makecache", "--refresh"), false);
    }

    private List<String> dnf(PackageManager manager, List<String> args, boolean cacheOnly) {
        boolean dnf4 = manager == PackageManager.DNF4;
        List<String> command = new ArrayList<>();
        command.add(dnf4 ? "dnf-3" : "dnf5");
        command.addAll(dnf4 ? dnf4RootArgs() : dnfRootArgs());
        command.addAll(cacheOnly ? List.of("--cacheonly", "--quiet") : List.of("--quiet"));
        cache.ifPresent(own -> command.addAll(cacheArgs(dnf4, own)));
        scratch.ifPresent(dir -> {
            if (dnf4) {
                // dnf4 puts the install root before logdir (not before persistdir): climbing out of
                // it with ".." lands on the scratch directory whatever the root's depth.
                command.add("--setopt=logdir=/" + "../".repeat(64) + dir.substring(1) + "/log");
                command.add("--setopt=persistdir=" + dir + "/persist");
            } else {
                command.add("--setopt=logdir=" + dir + "/log");
            }
        });
        command.addAll(args);
        return command;
    }

    /**
     * dnf's options that put its metadata cache in Preflight's own: dnf4 puts the install root
     * before cachedir (and writes there), so the path climbs out of the root with ".."; dnf5
     * takes it as given, and its system cache is pointed there too.
     */
    List<String> cacheArgs(boolean dnf4, DnfCache own) {
        if (dnf4) {
            return List.of("--setopt=cachedir=" + (isHost() ? own.command() : "/" + "../".repeat(64) + own.command().substring(1)));
        }
        return List.of("--setopt=cachedir=" + own.command(), "--setopt=system_cachedir=" + own.command());
    }

    /** A file of the inspected system, e.g. {@code usr/lib/sysimage/libdnf5/transaction_history.sqlite}. */
    public Path file(String relative) {
        return files.resolve(relative);
    }
}
