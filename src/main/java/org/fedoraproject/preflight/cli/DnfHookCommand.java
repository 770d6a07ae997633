package org.fedoraproject.preflight.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fedoraproject.preflight.adapter.files.XdgDirs;
import org.fedoraproject.preflight.app.HookCheck;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.threads.Threads;
import picocli.CommandLine.Command;

/**
 * {@code preflight dnf-hook}: run by dnf5's actions plugin at goal_resolved, in JSON mode. Asks
 * dnf for the packages the transaction brings in, checks them against the kept incident feeds,
 * and stops the transaction when one would install a version tied to an open critical or major
 * incident (a minor one only warns). It fails open: on any problem of its own it says so in one
 * line and lets the transaction go on. PREFLIGHT_HOOK=off turns it off for one run.
 */
@Command(name = "dnf-hook")
final class DnfHookCommand implements Callable<Integer> {

    static final String OFF = "PREFLIGHT_HOOK";

    private final Services services;
    private final Map<String, String> env;
    private final Path passwd;
    private final Messages m;

    DnfHookCommand(Services services) {
        this(services, System.getenv(), Path.of("/etc/passwd"), Messages.load(Locale.getDefault()));
    }

    DnfHookCommand(Services services, Map<String, String> env, Path passwd, Messages m) {
        this.services = services;
        this.env = env;
        this.passwd = passwd;
        this.m = m;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // What the hook says goes to dnf's terminal: nothing from a feed or a package name may control it.
        PrintWriter say = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(System.err,
                Charset.defaultCharset())), true);
        if ("off".equalsIgnoreCase(env.getOrDefault(OFF, ""))) {
            say.println(m.get("hook.off", OFF));
            return 0;
        }
        // The hook answers within its deadline whatever dnf or the disk do: the work runs on a
        // daemon thread, and past the deadline the transaction goes on unchecked.
        CompletableFuture<Integer> work = new CompletableFuture<>();
        Threads.start("hook", () -> {
            try {
                work.complete(check(out, say));
            } catch (Throwable t) {
                work.completeExceptionally(t);
            }
        });
        Duration deadline = deadline();
        try {
            return work.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            say.println(m.get("hook.slow", deadline.toSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            say.println(m.get("hook.failed", why(cause)));
        }
        return 0;
    }

    /** How long the hook may take in all (PREFLIGHT_HOOK_SECONDS, 5 by default): dnf waits for it. */
    private Duration deadline() {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(env.getOrDefault("PREFLIGHT_HOOK_SECONDS", "5").strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(5);
        }
    }

    private Integer check(PrintStream out, PrintWriter say) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Path root = Path.of(conf(out, in, "installroot").orElse("/"));
            List<Nevra> incoming = incoming(out, in);
            HookCheck.Result result = services.hook().check(XdgDirs.ofInvokingUser(env, passwd), root, incoming);
            result.problems().forEach(p -> say.println(m.get("hook.problem", p)));
            if (result.noFeed()) {
                say.println(m.get(result.problems().isEmpty() ? "hook.noFeed" : "hook.notChecking", "preflight check"));
                return 0;
            }
            Set<String> stopping = new LinkedHashSet<>();
            for (HookCheck.Finding f : result.findings()) {
                Incident i = f.incident();
                say.println(m.get("hook.affected", f.nevra().name() + " " + f.nevra().evr(), i.id(),
                        m.get("cli.word." + i.severity().id()), m.get("cli.word." + i.status().id()), i.title()));
                if (f.stops()) {
                    stopping.add(i.id());
                    // Keep that version out, not every version (a lock on a kernel's name would keep the fix out too).
                    say.println("  " + m.get("hook.leaveOut", "--exclude=" + f.nevra().name(),
                            ShellCommand.asRoot("dnf5", "versionlock", "exclude", f.nevra().name() + "-" + f.nevra().evr()).display(),
                            "preflight guide " + i.id()));
                    i.fix().expected().ifPresent(d -> say.println("  " + m.get("cli.check.fixExpected", d)));
                } else {
                    say.println("  " + m.get("hook.minor", "preflight guide " + i.id()));
                }
            }
            if (!stopping.isEmpty()) {
                JsonObject stop = new JsonObject();
                stop.addProperty("op", "stop");
                JsonObject args = new JsonObject();
                args.addProperty("message", m.get("hook.stopped", List.copyOf(stopping), OFF));
                stop.add("args", args);
                out.println(stop);
            }
            return 0;
        } catch (Exception | LinkageError e) {
            // Fail open: Preflight's own trouble never blocks the package manager.
            say.println(m.get("hook.failed", why(e)));
            return 0;
        }
    }

    /** Why the hook could not check, in a person's words: never a parser's message, a class name or dnf's whole answer. */
    private String why(Throwable e) {
        if (e instanceof JsonParseException || e instanceof IllegalStateException
                || e instanceof NumberFormatException || e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof UnsupportedOperationException || e instanceof IllegalArgumentException) {
            return m.get("hook.unexpectedAnswer");
        }
        if (e instanceof IOException) {
            return m.get("hook.cannotRead");
        }
        return m.get("hook.internal");
    }

    private static Optional<String> conf(PrintStream out, BufferedReader in, String key) throws Exception {
        JsonObject request = request("conf");
        request.getAsJsonObject("args").addProperty("key", key);
        JsonObject reply = ask(out, in, request);
        for (JsonElement e : reply.getAsJsonObject("return").getAsJsonArray("keys_val")) {
            if (e.getAsJsonObject().get("key").getAsString().equals(key)) {
                return Optional.of(e.getAsJsonObject().get("value").getAsString());
            }
        }
        return Optional.empty();
    }

    /** The packages coming into the system, as dnf resolved them. */
    private static List<Nevra> incoming(PrintStream out, BufferedReader in) throws Exception {
        JsonObject request = request("trans_packages");
        JsonArray output = new JsonArray();
        List.of("name", "epoch", "version", "release", "arch").forEach(output::add);
        request.getAsJsonObject("args").add("output", output);
        JsonArray filters = new JsonArray();
        JsonObject direction = new JsonObject();
        direction.addProperty("key", "direction");
        direction.addProperty("value", "IN");
        filters.add(direction);
        request.getAsJsonObject("args").add("filters", filters);
        JsonObject reply = ask(out, in, request);
        List<Nevra> packages = new ArrayList<>();
        for (JsonElement e : reply.getAsJsonObject("return").getAsJsonArray("trans_packages")) {
            JsonObject p = e.getAsJsonObject();
            packages.add(new Nevra(p.get("name").getAsString(), new Evr(Long.parseLong(p.get("epoch").getAsString()),
                    p.get("version").getAsString(), p.get("release").getAsString()), p.get("arch").getAsString()));
        }
        return packages;
    }

    private static JsonObject request(String domain) {
        JsonObject request = new JsonObject();
        request.addProperty("op", "get");
        request.addProperty("domain", domain);
        request.add("args", new JsonObject());
        return request;
    }

    private static JsonObject ask(PrintStream out, BufferedReader in, JsonObject request) throws Exception {
        out.println(request);
        String line = in.readLine();
        if (line == null) {
            throw new IllegalStateException("dnf closed the conversation");
        }
        JsonObject reply = JsonParser.parseString(line).getAsJsonObject();
        if (!"OK".equals(reply.get("status").getAsString())) {
            throw new IllegalStateException("dnf answered " + reply.get("message"));
        }
        return reply;
    }
}
