package org.fedoraproject.preflight.adapter.system;

/** A command that could not be run to the end: missing, timed out, or its output could not be read. */
public final class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
