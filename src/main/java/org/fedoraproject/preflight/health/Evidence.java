package org.fedoraproject.preflight.health;

import java.util.List;

/** What the journal gave, and how much of it could be read. */
public record Evidence(List<Crash> crashes, List<UnitFailure> failures, List<BootSpan> boots, Scope scope) {

    /** Whose records were read: the whole system's, only the user's own (not in wheel or systemd-journal), or none. */
    public enum Scope {
        SYSTEM("system"), OWN("own"), NONE("none");

        private final String id;

        Scope(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final Evidence NONE = new Evidence(List.of(), List.of(), List.of(), Scope.NONE);

    public Evidence {
        crashes = List.copyOf(crashes);
        failures = List.copyOf(failures);
        boots = List.copyOf(boots);
    }
}
