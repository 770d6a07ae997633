package org.fedoraproject.preflight.adapter.system;

import java.time.Duration;
import java.util.List;

/**
 * Runs a program as an argument list (never through a shell) and collects its output. The one
 * seam through which Preflight runs rpm, dnf and rpm-ostree.
 */
public interface CommandRunner {

    /**
     * Runs {@code command}, waiting at most {@code timeout}. A non-zero exit status is a result,
     * not a failure; a program that is missing, or that does not finish in time, is a failure.
     */
    CommandResult run(List<String> command, Duration timeout) throws CommandFailedException;
}
