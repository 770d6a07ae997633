package org.fedoraproject.preflight;

import org.fedoraproject.preflight.cli.PreflightCommand;
import org.fedoraproject.preflight.ui.PreflightApp;

/**
 * Entry point of {@code preflight} and the composition root. It does not extend JavaFX's Application, so that the
 * command-line subcommands run without starting (or even loading) the window toolkit, and so
 * that the single jar starts JavaFX from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = PreflightCommand.run(PreflightApp::open, args);
        if (status != PreflightCommand.WINDOW_CLOSED) {
            System.exit(status);
        }
    }
}
