package org.fedoraproject.preflight.guide;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A command Preflight prepares for the user to run: an argument list, never a shell string.
 * {@code root} says whether it needs root; it is then shown after {@code sudo}. Shown with
 * POSIX shell quoting, so that what is copied is exactly these arguments.
 */
public record ShellCommand(List<String> args, boolean root) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._+~^:,=/@%-]+");

    public ShellCommand {
        args = List.copyOf(args);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        for (String a : args) {
            Objects.requireNonNull(a, "argument");
            for (int k = 0; k < a.length(); k++) {
                char c = a.charAt(k);
                if (c < 0x20 || c == 0x7f) {
                    throw new IllegalArgumentException("control character in an argument: " + a.replaceAll("\\p{Cntrl}", "?"));
                }
            }
        }
    }

    public static ShellCommand asRoot(String... args) {
        return new ShellCommand(List.of(args), true);
    }

    /** The full argument list to run, with {@code sudo} in front when it needs root. */
    public List<String> argv() {
        if (!root) {
            return args;
        }
        return Stream.concat(Stream.of("sudo"), args.stream()).toList();
    }

    /** The command as a user types it: each argument quoted when the shell would read it otherwise. */
    public String display() {
        return argv().stream().map(ShellCommand::quote).collect(Collectors.joining(" "));
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return display();
    }
}
