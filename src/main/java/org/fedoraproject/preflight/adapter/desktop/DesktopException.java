package org.fedoraproject.preflight.adapter.desktop;

/** The desktop (its session bus, a service on it) refused or is not there; the message says which. */
public final class DesktopException extends Exception {

    public DesktopException(String message, Throwable cause) {
        super(message, cause);
    }

    public DesktopException(String message) {
        super(message);
    }
}
