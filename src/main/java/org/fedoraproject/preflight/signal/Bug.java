package org.fedoraproject.preflight.signal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A bug of Red Hat's Bugzilla as Preflight uses it: the component (the source package), the
 * Fedora versions, status and resolution, its keywords ({@code CommonBugs}), when it was filed,
 * and {@code fixedIn}: the builds (NVRs) in its {@code cf_fixed_in}, which Bodhi writes when an
 * update that fixes it goes out.
 */
public record Bug(long id, String summary, String component, List<String> versions, String status, String resolution,
                  boolean open, List<String> keywords, List<String> fixedIn, String severity, Instant created) {

    public static final String COMMON_BUGS = "CommonBugs";

    public Bug {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(component, "component");
        versions = List.copyOf(versions);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolution, "resolution");
        keywords = List.copyOf(keywords);
        fixedIn = List.copyOf(fixedIn);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(created, "created");
    }

    public boolean common() {
        return keywords.contains(COMMON_BUGS);
    }

    public String url() {
        return "https://bugzilla.redhat.com/show_bug.cgi?id=" + id;
    }

    /** Closed as fixed by an update (ERRATA, or CURRENTRELEASE / NEXTRELEASE after a fix). */
    public boolean closedFixed() {
        return !open && (resolution.equals("ERRATA") || resolution.equals("CURRENTRELEASE") || resolution.equals("NEXTRELEASE")
                || resolution.equals("RAWHIDE") || resolution.equals("UPSTREAM"));
    }
}
