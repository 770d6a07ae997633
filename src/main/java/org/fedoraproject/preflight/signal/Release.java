package org.fedoraproject.preflight.signal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Fedora release as Bodhi lists it ({@code /releases/}): its version, its state (current: a
 * stable release with updates; pending and frozen: still in development; archived: past its end
 * of life) and its end-of-life date when Bodhi has one.
 */
public record Release(String name, String version, String state, Optional<LocalDate> eol) {

    public Release {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(eol, "eol");
    }

    public boolean stable() {
        return state.equals("current");
    }

    /** The release number, or -1: only ASCII digits count ("٤٤" is not 44, whatever parseInt says). */
    public int number() {
        return version.matches("[0-9]{1,4}") ? Integer.parseInt(version) : -1;
    }
}
