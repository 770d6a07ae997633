package org.fedoraproject.preflight.rpm;

import java.util.Objects;

/**
 * A package's name, epoch, version, release and arch: {@code name-[epoch:]version-release.arch}.
 * Names may contain dashes, digits and dots ({@code kernel-core}, {@code python3.13-libs}); the
 * arch is what follows the last dot, the release what follows the last dash before it, and the
 * version what follows the dash before that.
 */
public record Nevra(String name, Evr evr, String arch) implements Comparable<Nevra> {

    public Nevra {
        PackageName.check(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(evr, "evr");
        PackageName.checkArch(Objects.requireNonNull(arch, "arch"));
        if (!evr.hasRelease()) {
            throw new InvalidVersionException(name + "-" + evr, "NEVRA: no release");
        }
    }

    /** Parses {@code name-[epoch:]version-release.arch}, as rpm's %{NEVRA} and dnf5's full_nevra print it. */
    public static Nevra parse(String text) {
        Objects.requireNonNull(text, "text");
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new InvalidVersionException(text, "NEVRA: no '.arch' at the end");
        }
        Nvr nvr = Nvr.parse(text.substring(0, dot), text);
        try {
            return new Nevra(nvr.name(), nvr.evr(), text.substring(dot + 1));
        } catch (InvalidVersionException e) {
            throw e.in(text);
        }
    }

    public static Nevra of(String name, String evr, String arch) {
        return new Nevra(name, Evr.parseWithRelease(evr), arch);
    }

    /** {@code name.arch}, the key dnf uses for "the same package". */
    public String nameArch() {
        return name + "." + arch;
    }

    /** {@code name-[epoch:]version-release.arch}, the epoch only when it is not 0. */
    @Override
    public String toString() {
        return name + "-" + evr + "." + arch;
    }

    @Override
    public int compareTo(Nevra other) {
        int c = name.compareTo(other.name);
        if (c != 0) {
            return c;
        }
        c = evr.compareTo(other.evr);
        return c != 0 ? c : arch.compareTo(other.arch);
    }
}
