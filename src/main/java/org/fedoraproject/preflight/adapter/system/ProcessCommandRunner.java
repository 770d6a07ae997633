package org.fedoraproject.preflight.adapter.system;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fedoraproject.preflight.threads.Threads;

/**
 * Runs commands as processes: {@code LC_ALL=C} so that output is parseable, standard input
 * closed, a timeout, and a prefix in front of every command — {@code flatpak-spawn --host}
 * inside the Flatpak, or {@code chroot DIR} for the test roots.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** Output beyond this is a sign of something wrong, not data to keep. */
    static final int MAX_OUTPUT = 64 * 1024 * 1024;
    /** A shell's "command not found", also what chroot and flatpak-spawn exit with when the program is missing. */
    static final int NOT_FOUND = 127;

    private final List<String> prefix;

    public ProcessCommandRunner(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    public static ProcessCommandRunner direct() {
        return new ProcessCommandRunner(List.of());
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) throws CommandFailedException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        String program = command.get(0);
        ProcessBuilder builder = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("LANGUAGE");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandFailedException(program + " is not installed or cannot be run (" + e.getMessage() + ")", e);
        }
        StreamReader out = StreamReader.start(process.getInputStream(), program + " stdout");
        StreamReader err = StreamReader.start(process.getErrorStream(), program + " stderr");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CommandFailedException(program + " did not finish within " + timeout.toSeconds() + " s");
            }
            String stdout = out.text();
            String stderr = err.text();
            if (process.exitValue() == NOT_FOUND && !prefix.isEmpty()) {
                throw new CommandFailedException(program + " is not installed or cannot be run (" + stderr.strip() + ")");
            }
            return new CommandResult(command, process.exitValue(), stdout, stderr);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read what " + program + " printed (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException(program + " was interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Drains one output stream on its own thread, so that neither pipe can fill up and stall the program. */
    private static final class StreamReader implements Runnable {
        private final InputStream in;
        private final Thread thread;
        private volatile byte[] bytes;
        private volatile IOException failure;

        private StreamReader(InputStream in, String name) {
            this.in = in;
            this.thread = Threads.named(name).newThread(this);
        }

        static StreamReader start(InputStream in, String name) {
            StreamReader reader = new StreamReader(in, name);
            reader.thread.start();
            return reader;
        }

        @Override
        public void run() {
            try {
                bytes = readCapped(in);
            } catch (IOException e) {
                failure = e;
            }
        }

        /** Called once the process has exited; its pipes are then closed, so this returns promptly. */
        String text() throws IOException, InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (failure != null) {
                throw failure;
            }
            if (bytes == null) {
                throw new IOException("output still open after the program ended");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > MAX_OUTPUT) {
                    throw new IOException("more than " + MAX_OUTPUT / (1024 * 1024) + " MiB of output");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
