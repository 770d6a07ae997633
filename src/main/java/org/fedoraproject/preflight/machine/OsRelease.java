package org.fedoraproject.preflight.machine;

import java.util.Map;
import java.util.Objects;

/**
 * The fields of os-release(5) that Preflight uses. Values are as the file gives them, with
 * quoting removed; absent fields are empty strings.
 */
public record OsRelease(String id, String name, String versionId, String variantId, String prettyName,
                        String ostreeVersion, String supportEnd) {

    public OsRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(prettyName, "prettyName");
        Objects.requireNonNull(ostreeVersion, "ostreeVersion");
        Objects.requireNonNull(supportEnd, "supportEnd");
    }

    /** SUPPORT_END (YYYY-MM-DD): the day the release stops getting fixes, when the file says it. */
    public java.util.Optional<java.time.LocalDate> supportEndDate() {
        try {
            return supportEnd.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(java.time.LocalDate.parse(supportEnd));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    public static OsRelease of(Map<String, String> fields) {
        return new OsRelease(
                fields.getOrDefault("ID", "linux"),
                fields.getOrDefault("NAME", "Linux"),
                fields.getOrDefault("VERSION_ID", ""),
                fields.getOrDefault("VARIANT_ID", ""),
                fields.getOrDefault("PRETTY_NAME", fields.getOrDefault("NAME", "Linux")),
                fields.getOrDefault("OSTREE_VERSION", ""),
                fields.getOrDefault("SUPPORT_END", ""));
    }

    public boolean isFedora() {
        return "fedora".equals(id);
    }
}
