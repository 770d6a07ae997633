package org.fedoraproject.preflight.machine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.fedoraproject.preflight.incident.SafeText;

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
    public Optional<LocalDate> supportEndDate() {
        try {
            return supportEnd.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(supportEnd));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The file's fields, each cleaned of terminal and bidi controls: they are shown and printed. */
    public static OsRelease of(Map<String, String> fields) {
        Function<String, String> clean = SafeText::line;
        return new OsRelease(
                clean.apply(fields.getOrDefault("ID", "linux")),
                clean.apply(fields.getOrDefault("NAME", "Linux")),
                clean.apply(fields.getOrDefault("VERSION_ID", "")),
                clean.apply(fields.getOrDefault("VARIANT_ID", "")),
                clean.apply(fields.getOrDefault("PRETTY_NAME", fields.getOrDefault("NAME", "Linux"))),
                clean.apply(fields.getOrDefault("OSTREE_VERSION", "")),
                clean.apply(fields.getOrDefault("SUPPORT_END", "")));
    }

    public boolean isFedora() {
        return "fedora".equals(id);
    }

    /**
     * Whether VERSION_ID is a release number as Fedora writes it (ASCII digits: "43"). Nothing
     * else goes into a URL or a command; a check of a system that says otherwise cannot be made.
     */
    public boolean plainRelease() {
        return isPlainRelease(versionId);
    }

    public static boolean isPlainRelease(String version) {
        return version.matches("[0-9]{1,4}");
    }
}
