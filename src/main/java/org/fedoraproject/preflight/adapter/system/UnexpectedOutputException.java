package org.fedoraproject.preflight.adapter.system;

/** Output that does not have the shape Preflight knows; the message quotes what was unexpected. */
public final class UnexpectedOutputException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnexpectedOutputException(String message) {
        super(message);
    }
}
