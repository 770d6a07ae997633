package org.fedoraproject.preflight.rpm;

import java.util.Objects;

/**
 * A build's name, epoch, version and release without an arch: {@code name-[epoch:]version-release},
 * as Koji and Bodhi name builds ({@code mesa-25.1.4-1.fc43}).
 */
public record Nvr(String name, Evr evr) {

    public Nvr {
        PackageName.check(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(evr, "evr");
        if (!evr.hasRelease()) {
            throw new InvalidVersionException(name + "-" + evr, "NVR: no release");
        }
    }

    public static Nvr parse(String text) {
        return parse(Objects.requireNonNull(text, "text"), text);
    }

    static Nvr parse(String text, String wholeInput) {
        int releaseDash = text.lastIndexOf('-');
        int versionDash = releaseDash > 0 ? text.lastIndexOf('-', releaseDash - 1) : -1;
        if (versionDash <= 0) {
            throw new InvalidVersionException(wholeInput, "name-version-release: needs two '-'");
        }
        try {
            return new Nvr(text.substring(0, versionDash), Evr.parse(text.substring(versionDash + 1)));
        } catch (InvalidVersionException e) {
            throw e.in(wholeInput);
        }
    }

    @Override
    public String toString() {
        return name + "-" + evr;
    }
}
