package org.fedoraproject.preflight.rpm;

/** A version, EVR or NEVRA string that rpm would not accept, with the reason in words. */
public final class InvalidVersionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String reason;

    public InvalidVersionException(String input, String reason) {
        super("invalid " + reason + ": \"" + input + "\"");
        this.input = input;
        this.reason = reason;
    }

    public String input() {
        return input;
    }

    /** What is wrong, e.g. {@code release: empty after '-'}. */
    public String reason() {
        return reason;
    }

    /** The same reason, said of the whole text that contained the faulty part. */
    public InvalidVersionException in(String wholeInput) {
        return new InvalidVersionException(wholeInput, reason);
    }
}
