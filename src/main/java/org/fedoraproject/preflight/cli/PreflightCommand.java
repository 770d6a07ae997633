package org.fedoraproject.preflight.cli;

import java.util.concurrent.Callable;
import org.fedoraproject.preflight.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code preflight}: opens the window; its subcommands are the terminal interface. */
@Command(name = "preflight",
        mixinStandardHelpOptions = true,
        versionProvider = PreflightCommand.Version.class,
        description = "Tells you whether it is safe to update this Fedora system right now.",
        subcommands = {CheckCommand.class, GuideCommand.class, HistoryCommand.class, VercmpCommand.class, FeedCommand.class})
public final class PreflightCommand implements Callable<Integer> {

    /** Returned when the window was opened; the JavaFX runtime decides when the process ends. */
    public static final int WINDOW_CLOSED = -1;

    /** Opens the desktop window; kept behind an interface so the terminal path never loads JavaFX. */
    @FunctionalInterface
    public interface WindowLauncher {
        void open();
    }

    private final WindowLauncher windowLauncher;

    public PreflightCommand(WindowLauncher windowLauncher) {
        this.windowLauncher = windowLauncher;
    }

    @Override
    public Integer call() {
        windowLauncher.open();
        return WINDOW_CLOSED;
    }

    public static int run(WindowLauncher windowLauncher, Services services, String... args) {
        return commandLine(windowLauncher, services).execute(args);
    }

    public static CommandLine commandLine(WindowLauncher windowLauncher, Services services) {
        return new CommandLine(new PreflightCommand(windowLauncher), new CommandFactory(services));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
