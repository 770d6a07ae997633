package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.PackageName;

/**
 * Reads {@link Boot}: dnf's {@code installonlypkgs} (the root's {@code etc/dnf/dnf.conf}, dnf5's
 * drop-in directories, dnf's default list when unset), the installed packages that provide one
 * of its capabilities (rpm {@code --whatprovides}), the running kernel ({@code /proc}, only for
 * this machine) and the default boot entry: {@code grubby --default-kernel} on this machine, else
 * the boot loader's {@code saved_entry} in {@code boot/grub2/grubenv}, else the newest Boot Loader
 * Specification entry in {@code boot/loader/entries} (GRUB on Fedora boots that one by default).
 * Nothing here runs as root or writes.
 */
public final class BootReader {

    /** dnf4's and dnf5's default installonlypkgs. */
    static final List<String> DEFAULT_INSTALLONLY = List.of("kernel", "kernel-PAE", "installonlypkg(kernel)",
            "installonlypkg(kernel-module)", "installonlypkg(vm)", "multiversion(kernel)");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Target target;
    private final Path osrelease;

    public BootReader(Target target) {
        this(target, Path.of("/proc/sys/kernel/osrelease"));
    }

    BootReader(Target target, Path osrelease) {
        this.target = target;
        this.osrelease = osrelease;
    }

    public Boot read() {
        Reading<Set<String>> installonly = installonly();
        Optional<String> running = (target.isHost() ? firstLine(osrelease) : Optional.<String>empty())
                .filter(BootReader::isKernelRelease);
        Optional<String> grubby = target.isHost() ? grubbyDefault() : Optional.empty();
        if (grubby.isPresent()) {
            return checked(installonly, running, grubby.get(), "grubby --default-kernel");
        }
        Map<String, String> entries = entries();
        Optional<String> saved = savedEntry().map(entries::get);
        if (saved.isPresent()) {
            return checked(installonly, running, saved.get(), "the boot loader's saved entry");
        }
        Optional<String> newest = entries.values().stream().filter(BootReader::isKernelRelease).max(BootReader::byVersion);
        List<String> odd = entries.values().stream().filter(v -> !isKernelRelease(v)).toList();
        if (newest.isEmpty() && !odd.isEmpty()) {
            return unknown(installonly, running, odd.get(0), "the newest boot entry");
        }
        return new Boot(installonly, running, newest, newest.isPresent() ? "the newest boot entry" : "");
    }

    /**
     * A kernel release as kernel-install names boot entries: VERSION-RELEASE.ARCH, digits first,
     * nothing a command could not take ({@code 99.0-1.fc43.x86_64;reboot} is no release).
     */
    static boolean isKernelRelease(String release) {
        return release.length() <= 128 && release.matches("[0-9][0-9A-Za-z._+~^]*-[0-9A-Za-z._+~^]+\\.[A-Za-z0-9_]+");
    }

    private static Boot checked(Reading<Set<String>> installonly, Optional<String> running, String release, String from) {
        return isKernelRelease(release) ? new Boot(installonly, running, Optional.of(release), from)
                : unknown(installonly, running, release, from);
    }

    /** The default kernel is not known: what named it is no kernel release. Said, never used. */
    private static Boot unknown(Reading<Set<String>> installonly, Optional<String> running, String release, String from) {
        String shown = SafeText.line(release.length() > 60 ? release.substring(0, 59) + "…" : release);
        return new Boot(installonly, running, Optional.empty(), from + " names \u201c" + shown + "\u201d, which is not a kernel release");
    }

    /** The installonly names: the configured names, and the installed packages providing a configured capability. */
    Reading<Set<String>> installonly() {
        List<String> configured = configured();
        Set<String> names = new TreeSet<>();
        List<String> capabilities = new ArrayList<>();
        for (String item : configured) {
            if (item.contains("(")) {
                capabilities.add(item);
            } else if (PackageName.isValid(item)) {
                names.add(item);
            }
        }
        if (capabilities.isEmpty()) {
            return Reading.of(Set.copyOf(names));
        }
        List<String> command = new ArrayList<>(List.of("rpm"));
        command.addAll(target.rpmRootArgs());
        command.addAll(List.of("--query", "--queryformat", "%{NAME}\\n", "--whatprovides"));
        command.addAll(capabilities);
        try {
            CommandResult r = target.runner().run(command, TIMEOUT);
            // rpm exits with the number of capabilities nothing provides, and says so on stdout.
            for (String line : r.stdout().split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("no package provides") && PackageName.isValid(name)) {
                    names.add(name);
                }
            }
        } catch (CommandFailedException e) {
            return Reading.unavailable("installonly packages (rpm --whatprovides)", e.getMessage());
        }
        return Reading.of(Set.copyOf(names));
    }

    /** installonlypkgs as dnf reads it: dnf.conf's [main], then dnf5's drop-ins in name order, later ones winning. */
    private List<String> configured() {
        List<Path> files = new ArrayList<>();
        files.add(target.file("etc/dnf/dnf.conf"));
        for (String dir : List.of("usr/share/dnf5/libdnf.conf.d", "etc/dnf/libdnf5.conf.d")) {
            files.addAll(sorted(target.file(dir), ".conf"));
        }
        List<String> value = DEFAULT_INSTALLONLY;
        for (Path file : files) {
            Optional<String> set = mainOption(file, "installonlypkgs");
            if (set.isPresent()) {
                value = List.of(set.get().split("[,\\s]+"));
            }
        }
        return value.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<String> mainOption(Path file, String key) {
        Optional<String> text = read(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return KeyFile.parse(text.get()).get("main", key);
    }

    private Optional<String> grubbyDefault() {
        try {
            CommandResult r = target.runner().run(List.of("grubby", "--default-kernel"), TIMEOUT);
            String out = r.stdout().strip();
            if (r.exitCode() == 0 && out.startsWith("/boot/vmlinuz-")) {
                return Optional.of(out.substring("/boot/vmlinuz-".length()));
            }
        } catch (CommandFailedException e) {
            // no grubby, or it cannot read the boot loader's configuration as this user
        }
        return Optional.empty();
    }

    private Optional<String> savedEntry() {
        return read(target.file("boot/grub2/grubenv")).flatMap(text -> text.lines()
                .filter(l -> l.startsWith("saved_entry=")).map(l -> l.substring("saved_entry=".length()).strip())
                .filter(s -> !s.isEmpty()).findFirst());
    }

    /** Boot entries by file name (without .conf) to their kernel release ({@code version}, else from {@code linux}). */
    private Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Path file : sorted(target.file("boot/loader/entries"), ".conf")) {
            read(file).ifPresent(text -> {
                Optional<String> version = Optional.empty();
                for (String line : text.split("\n")) {
                    String[] f = line.strip().split("\\s+", 2);
                    if (f.length == 2 && f[0].equals("version")) {
                        version = Optional.of(f[1].strip());
                    } else if (f.length == 2 && f[0].equals("linux") && version.isEmpty() && f[1].contains("vmlinuz-")) {
                        version = Optional.of(f[1].substring(f[1].indexOf("vmlinuz-") + "vmlinuz-".length()).strip());
                    }
                }
                String name = file.getFileName().toString();
                version.ifPresent(v -> entries.put(name.substring(0, name.length() - ".conf".length()), v));
            });
        }
        return entries;
    }

    /** Kernel releases in rpm's order of their version-release (the arch after the last dot is left out). */
    static int byVersion(String a, String b) {
        return evrOf(a).compareTo(evrOf(b));
    }

    private static Evr evrOf(String release) {
        int dot = release.lastIndexOf('.');
        String vr = dot > 0 ? release.substring(0, dot) : release;
        try {
            return Evr.parse(vr);
        } catch (InvalidVersionException e) {
            return new Evr(0, "0", "");
        }
    }

    private static List<Path> sorted(Path dir, String suffix) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + suffix)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        files.sort(null);
        return files;
    }

    private static Optional<String> firstLine(Path file) {
        return read(file).map(t -> t.lines().findFirst().orElse("").strip()).filter(s -> !s.isEmpty());
    }

    /** A regular file of a sane size, or nothing (missing, unreadable as this user, not a file). */
    private static Optional<String> read(Path file) {
        try {
            return Optional.of(RegularFiles.readString(file, RegularFiles.SMALL));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
