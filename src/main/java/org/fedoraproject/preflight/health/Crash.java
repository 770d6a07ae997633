package org.fedoraproject.preflight.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A coredump as the journal recorded it: when, which executable, the package notes of the
 * program and of every module in the process, its unit and signal, and the boot it happened in.
 */
public record Crash(Instant at, String executable, Optional<Module> program, List<Module> modules, String unit, int signal,
                    String boot) {

    public Crash {
        modules = List.copyOf(modules);
    }

    /** Whether the process had this source package in it (as its program or one of its modules), at this version if given. */
    public boolean involves(String source, Optional<String> version) {
        return program.filter(m -> matches(m, source, version)).isPresent() || modules.stream().anyMatch(m -> matches(m, source, version));
    }

    private static boolean matches(Module m, String source, Optional<String> version) {
        return m.source().equals(source) && version.map(v -> v.equals(m.version())).orElse(true);
    }
}
