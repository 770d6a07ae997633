package org.fedoraproject.preflight.machine;

import java.time.Instant;
import java.util.Objects;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.rpm.Nvr;

/**
 * A package in the rpm database, with the time rpm installed it and the name of the source
 * package it was built from (rpm's {@code SOURCERPM} without its version; empty when unknown).
 */
public record InstalledPackage(Nevra nevra, Instant installTime, String source) {

    public InstalledPackage {
        Objects.requireNonNull(nevra, "nevra");
        Objects.requireNonNull(installTime, "installTime");
        Objects.requireNonNull(source, "source");
    }

    /** A package whose source package is not known. */
    public InstalledPackage(Nevra nevra, Instant installTime) {
        this(nevra, installTime, "");
    }

    /**
     * The source package's name from rpm's {@code SOURCERPM} ({@code mesa-25.1.4-1.fc43.src.rpm}
     * gives {@code mesa}); empty for {@code (none)} or anything else that is not one.
     */
    public static String sourceName(String sourcerpm) {
        String s = sourcerpm.strip();
        for (String suffix : new String[] {".src.rpm", ".nosrc.rpm"}) {
            if (s.endsWith(suffix)) {
                try {
                    return Nvr.parse(s.substring(0, s.length() - suffix.length())).name();
                } catch (InvalidVersionException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
