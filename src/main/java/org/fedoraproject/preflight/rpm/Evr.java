package org.fedoraproject.preflight.rpm;

import java.util.Objects;

/**
 * An rpm epoch, version and release: {@code [epoch:]version[-release]}.
 *
 * <p>{@code release} is the empty string when the input had none; rpm then sorts the value below
 * any value of the same version that has a release. A missing epoch is 0.
 *
 * <p>The natural order is rpm's, which is not consistent with {@link #equals}: {@code 1.01} and
 * {@code 1.1} are different values that rpm orders as equal.
 */
public record Evr(long epoch, String version, String release) implements Comparable<Evr> {

    /** rpm stores the epoch as a 32-bit header value. */
    static final long MAX_EPOCH = 0xFFFF_FFFFL;

    public Evr {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
        if (epoch < 0 || epoch > MAX_EPOCH) {
            throw new InvalidVersionException(Long.toString(epoch), "epoch (0 to " + MAX_EPOCH + ")");
        }
        checkPart(version, "version");
        if (!release.isEmpty()) {
            checkPart(release, "release");
        }
    }

    /**
     * Parses {@code [epoch:]version[-release]} as rpm does: the epoch is the leading digits when
     * a colon follows them, and the release is what follows the last dash.
     *
     * @throws InvalidVersionException with the reason, for anything rpm would not build
     */
    public static Evr parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new InvalidVersionException(text, "version: empty");
        }
        int digits = 0;
        while (digits < text.length() && RpmVersionOrder.isDigit(text.charAt(digits))) {
            digits++;
        }
        long epoch = 0;
        int versionStart = 0;
        if (digits < text.length() && text.charAt(digits) == ':') {
            if (digits == 0) {
                throw new InvalidVersionException(text, "epoch: empty before ':'");
            }
            epoch = parseEpoch(text, digits);
            versionStart = digits + 1;
        }
        int dash = text.lastIndexOf('-');
        String version = dash >= versionStart ? text.substring(versionStart, dash) : text.substring(versionStart);
        String release = dash >= versionStart ? text.substring(dash + 1) : "";
        if (dash >= versionStart && release.isEmpty()) {
            throw new InvalidVersionException(text, "release: empty after '-'");
        }
        try {
            return new Evr(epoch, version, release);
        } catch (InvalidVersionException e) {
            throw e.in(text);
        }
    }

    /** Parses {@code version-release} with an optional epoch, and insists on the release. */
    public static Evr parseWithRelease(String text) {
        Evr evr = parse(text);
        if (!evr.hasRelease()) {
            throw new InvalidVersionException(text, "version-release: no release");
        }
        return evr;
    }

    /**
     * Parses an EVR that a package build could carry: version and release only of letters,
     * digits and {@code . _ + ~ ^}, and a release. What comes from a feed is read this way,
     * so that nothing else can reach a command line.
     */
    public static Evr parseBuildable(String text) {
        Evr evr = parseWithRelease(text);
        for (String part : new String[] {evr.version, evr.release}) {
            for (int k = 0; k < part.length(); k++) {
                char c = part.charAt(k);
                if (!RpmVersionOrder.isDigit(c) && !RpmVersionOrder.isLetter(c) && ".+_~^".indexOf(c) < 0) {
                    throw new InvalidVersionException(text, "version-release: character " + describe(c)
                            + " cannot be in a built package's version (letters, digits, . _ + ~ ^)");
                }
            }
        }
        return evr;
    }

    public boolean hasRelease() {
        return !release.isEmpty();
    }

    @Override
    public int compareTo(Evr other) {
        if (epoch != other.epoch) {
            return epoch < other.epoch ? -1 : 1;
        }
        int c = RpmVersionOrder.compare(version, other.version);
        if (c != 0) {
            return c;
        }
        boolean mine = hasRelease();
        boolean theirs = other.hasRelease();
        if (mine && theirs) {
            return RpmVersionOrder.compare(release, other.release);
        }
        return mine == theirs ? 0 : (mine ? 1 : -1);
    }

    public boolean isNewerThan(Evr other) {
        return compareTo(other) > 0;
    }

    /** version-release without the epoch: what an NVR, a package note or a build name carries. */
    public String versionRelease() {
        return version + "-" + release;
    }

    /** {@code [epoch:]version[-release]}, the epoch written only when it is not 0, as Fedora shows it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(version.length() + release.length() + 4);
        if (epoch != 0) {
            s.append(epoch).append(':');
        }
        s.append(version);
        if (hasRelease()) {
            s.append('-').append(release);
        }
        return s.toString();
    }

    private static long parseEpoch(String text, int digits) {
        if (digits > 10) {
            throw new InvalidVersionException(text, "epoch: more than 32 bits");
        }
        long value = Long.parseLong(text, 0, digits, 10);
        if (value > MAX_EPOCH) {
            throw new InvalidVersionException(text, "epoch: more than 32 bits");
        }
        return value;
    }

    /**
     * A version or release is printable ASCII without ':' or '-' (rpm's own builds allow less;
     * the separators rpm ignores are kept, since rpm's ordering is defined on them).
     */
    private static void checkPart(String part, String what) {
        if (part.isEmpty()) {
            throw new InvalidVersionException(part, what + ": empty");
        }
        for (int k = 0; k < part.length(); k++) {
            char c = part.charAt(k);
            if (c <= ' ' || c >= 0x7f) {
                throw new InvalidVersionException(part, what + ": character " + describe(c) + " is not allowed");
            }
            if (c == ':' || c == '-') {
                throw new InvalidVersionException(part, what + ": '" + c + "' is not allowed");
            }
        }
    }

    static String describe(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
