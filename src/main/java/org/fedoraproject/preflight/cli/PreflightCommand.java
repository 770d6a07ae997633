package org.fedoraproject.preflight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedoraproject.preflight.AppInfo;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code preflight}: opens the window; its subcommands are the terminal interface. */
@Command(name = "preflight",
        mixinStandardHelpOptions = true,
        versionProvider = PreflightCommand.Version.class)
public final class PreflightCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them. Building picocli's model of a command costs
     * tens of milliseconds when the JVM is cold, so a run builds only the subcommand it was asked
     * for (all of them for help and for anything unknown).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        map.put("check", CheckCommand.class);
        map.put("guide", GuideCommand.class);
        map.put("history", HistoryCommand.class);
        map.put("health", HealthCommand.class);
        map.put("vercmp", VercmpCommand.class);
        map.put("feed", FeedCommand.class);
        map.put("desk", DeskCommand.class);
        map.put("dnf-hook", DnfHookCommand.class);
        return Collections.unmodifiableMap(map);
    }

    /** Returned when the window was opened; the JavaFX runtime decides when the process ends. */
    public static final int WINDOW_CLOSED = -1;

    /** Opens the desktop window; kept behind an interface so the terminal path never loads JavaFX. */
    @FunctionalInterface
    public interface WindowLauncher {
        void open(CheckService.Request request);
    }

    /** Runs Preflight in the background (tray, notifications) until Quit; returns the exit status. */
    @FunctionalInterface
    public interface BackgroundLauncher {
        int run(CheckService.Request request) throws Exception;
    }

    private final WindowLauncher windowLauncher;
    private final BackgroundLauncher backgroundLauncher;

    @Option(names = "--background")
    boolean background;

    @Option(names = "--root", paramLabel = "DIR")
    Path root;

    @Option(names = "--feed", paramLabel = "URL")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--offline")
    boolean offline;

    @Option(names = "--demo")
    boolean demo;

    @Spec
    CommandSpec spec;

    public PreflightCommand(WindowLauncher windowLauncher, BackgroundLauncher backgroundLauncher) {
        this.windowLauncher = windowLauncher;
        this.backgroundLauncher = backgroundLauncher;
    }

    @Override
    public Integer call() throws Exception {
        CheckService.Request request;
        try {
            request = CheckOptions.request(root, feeds, offline, demo);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (background) {
            return backgroundLauncher.run(request);
        }
        windowLauncher.open(request);
        return WINDOW_CLOSED;
    }

    public static int run(WindowLauncher windowLauncher, Services services, String... args) {
        return run(windowLauncher, request -> {
            throw new IllegalStateException("no background mode here");
        }, services, args);
    }

    public static int run(WindowLauncher windowLauncher, BackgroundLauncher backgroundLauncher, Services services,
                          String... args) {
        return commandLine(windowLauncher, backgroundLauncher, services, args).execute(args);
    }

    /**
     * The command line for these arguments: the subcommand named, or every one for help and for
     * a word that is not one; none when the window is asked for (no subcommand, no help), since
     * the window's start is timed to the millisecond.
     */
    public static CommandLine commandLine(WindowLauncher windowLauncher, Services services, String... args) {
        return commandLine(windowLauncher, request -> 1, services, args);
    }

    static CommandLine commandLine(WindowLauncher windowLauncher, BackgroundLauncher backgroundLauncher, Services services,
                                   String... args) {
        CommandFactory factory = new CommandFactory(services);
        CommandLine line = new CommandLine(new PreflightCommand(windowLauncher, backgroundLauncher), factory);
        String first = args.length == 0 ? "" : args[0];
        if (opensTheWindow(args)) {
            return line;
        }
        try {
            for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS.entrySet()) {
                if (!SUBCOMMANDS.containsKey(first) || first.equals(sub.getKey())) {
                    line.addSubcommand(sub.getKey(), new CommandLine(factory.create(sub.getValue()), factory));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the command " + first, e);
        }
        // The help's words, for the root and every subcommand built above.
        line.setResourceBundle(Messages.help(Locale.getDefault()));
        // Nothing a source said reaches the terminal as a control sequence (set after the subcommands: picocli passes it down).
        // picocli's own colours would be escape sequences too: its help is plain.
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        line.setOut(new PrintWriter(new TerminalSafeWriter(line.getOut()), true));
        line.setErr(new PrintWriter(new TerminalSafeWriter(line.getErr()), true));
        return line;
    }

    /** Only the window's own options: no subcommand word, no help or version, nothing else. */
    static boolean opensTheWindow(String... args) {
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--demo") || a.equals("--offline") || a.equals("--background")) {
                continue;
            }
            if ((a.equals("--root") || a.equals("--feed")) && k + 1 < args.length) {
                k++;
                continue;
            }
            if (a.startsWith("--root=") || a.startsWith("--feed=")) {
                continue;
            }
            return false;
        }
        return true;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
