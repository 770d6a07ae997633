package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fedoraproject.preflight.testing.EdgeFeed;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How Fedora really installs packages, on the edge roots of build-roots.sh (dnf4 on the host,
 * dnf5 in the sid chroot), through the jar: three kernels side by side, mesa-libGL in both
 * arches and reinstalled, Plasma's packages on a Workstation, a versionlock on an affected
 * version. The guide's commands are run for real on copies (as root, by the test), and the
 * system read again decides what is done.
 */
class EdgeRootsIT {

    @TempDir
    Path home;

    private SignedFeed feed;
    private final List<Path> copies = new ArrayList<>();

    /** One of the two edge roots, or a copy of it: where it is, and how its commands run. */
    record Root(String manager, Path path, String commandRoot, List<String> prefix) {
        Map<String, String> env() {
            return prefix.isEmpty() ? Map.of()
                    : Map.of("PREFLIGHT_COMMAND_PREFIX", String.join(" ", prefix), "PREFLIGHT_COMMAND_ROOT", commandRoot);
        }

        /** dnf as the user would run it after reading the guide (sudo dropped: the test is root). */
        List<String> dnf(List<String> argv) {
            List<String> command = new ArrayList<>(prefix);
            List<String> rest = new ArrayList<>(argv);
            assertEquals("sudo", rest.remove(0));
            command.add(rest.remove(0));
            command.add("-y");
            if (manager.equals("dnf4")) {
                command.addAll(List.of("--disableplugin=local", "--setopt=pluginconfpath=" + path.resolve("etc/dnf/plugins")));
            }
            command.addAll(rest);
            return command;
        }
    }

    static Root root(String manager) {
        return manager.equals("dnf4")
                ? new Root("dnf4", TestRoots.dir().resolve("edge4"), TestRoots.dir().resolve("edge4").toString(), List.of())
                : new Root("dnf5", TestRoots.dir().resolve("sid/roots/edge5"), "/roots/edge5", TestRoots.chrootPrefix());
    }

    /** A copy to change: beside the original (inside the chroot for dnf5), with dnf4's versionlock plugin configured. */
    Root copy(Root of) throws Exception {
        if (!TestRoots.isRoot()) {
            Tools.missing("running dnf on a copy of a root needs root");
        }
        String name = "edge-copy-" + copies.size() + "-" + ProcessHandle.current().pid();
        Path path = of.path().resolveSibling(name);
        copies.add(path);
        Processes.Result cp = Processes.run(List.of("cp", "-a", of.path().toString(), path.toString()), null, Map.of());
        assertEquals(0, cp.exitCode(), cp.stderr());
        if (of.manager().equals("dnf4")) {
            Path plugins = Files.createDirectories(path.resolve("etc/dnf/plugins"));
            Files.writeString(plugins.resolve("versionlock.conf"), "[main]\nenabled = 1\nlocklist = "
                    + plugins.resolve("versionlock.list") + "\n");
            Files.writeString(plugins.resolve("versionlock.list"), "");
            return new Root("dnf4", path, path.toString(), List.of());
        }
        return new Root("dnf5", path, "/roots/" + name, of.prefix());
    }

    @BeforeEach
    void serve() throws Exception {
        feed = SignedFeed.serve(EdgeFeed.of("6.17.7-300.fc43", "25.1.6-1.fc43", "2026-11-21T00:00:00Z"), home);
    }

    @AfterEach
    void clean() {
        feed.close();
        copies.forEach(c -> Processes.run(List.of("rm", "-rf", c.toString()), null, Map.of()));
    }

    private Processes.Result preflight(Root root, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--json", "--root", root.path().toString(), "--feed", feed.url()));
        Map<String, String> env = new HashMap<>(feed.environment());
        env.putAll(root.env());
        return Processes.run(command, null, env);
    }

    private JsonObject check(Root root) {
        Processes.Result r = preflight(root, "check");
        assertTrue(r.exitCode() <= 2, r.stderr());
        return JsonParser.parseString(r.stdout()).getAsJsonObject();
    }

    private JsonObject guide(Root root, String id) {
        Processes.Result r = preflight(root, "guide", id);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        return JsonParser.parseString(r.stdout()).getAsJsonObject();
    }

    private static JsonObject byId(JsonArray array, String key, String value) {
        for (JsonElement e : array) {
            if (e.getAsJsonObject().get(key).getAsString().equals(value)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    private static List<String> argv(JsonObject step, int command) {
        List<String> argv = new ArrayList<>();
        step.getAsJsonArray("commands").get(command).getAsJsonObject().getAsJsonArray("argv").forEach(a -> argv.add(a.getAsString()));
        return argv;
    }

    private static String display(JsonObject step, int command) {
        return step.getAsJsonArray("commands").get(command).getAsJsonObject().get("display").getAsString();
    }

    private static JsonObject step(JsonObject guide, String title) {
        for (JsonElement s : guide.getAsJsonArray("steps")) {
            if (s.getAsJsonObject().get("title").getAsString().startsWith(title)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no step " + title + " in " + guide);
    }

    private static void run(List<String> command) {
        Processes.Result r = Processes.run(command, null, Map.of());
        assertEquals(0, r.exitCode(), command + "\n" + r.stdout() + r.stderr());
    }

    private static Set<String> rpm(Root root, String name) {
        List<String> command = new ArrayList<>(root.prefix());
        command.addAll(List.of("rpm", "--root", root.commandRoot(), "-q", "--qf", "%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}\\n", name));
        return new TreeSet<>(Processes.run(command, null, Map.of()).stdout().lines().toList());
    }

    private static String ids(JsonArray array) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString() + "=" + e.getAsJsonObject().get("relation").getAsString()));
        return String.join(" ", new TreeSet<>(ids));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void kernelsSideBySideMultilibAReinstallAndPlasmaOnWorkstation(String manager) {
        JsonObject report = check(root(manager));
        // Kernel 6.17.6 is kept beside 6.17.7, which the newest boot entry boots: not in use, not affected.
        // mesa-libGL's fix is pending in both arches. Plasma 6.5.2 is installed on a Workstation: a KDE-only
        // incident still shows it.
        // EDGE-SRC names the source package mesa: matched through mesa-libGL (both arches), built from it.
        assertEquals("EDGE-KDE=affected EDGE-KERNEL=not-in-use EDGE-MESA=fix-available EDGE-SRC=fix-available",
                ids(report.getAsJsonArray("incidents")));
        String warnings = report.getAsJsonArray("warnings").toString();
        assertTrue(warnings.contains("EDGE-SRC names mesa, which is no installed or pending package but the source package of"
                + " mesa-libGL"), warnings);
        assertTrue(warnings.contains("EDGE-GRUB: the range of grub2-efi-x64 (from 2.12-32.fc43, fixed in 2.12-33.fc43) has epoch 0,"
                + " but the installed grub2-efi-x64 has epoch 1: the range cannot match it"), warnings);
        assertEquals("caution", report.get("verdict").getAsString(), "Plasma's affected version is installed");
        JsonObject mesa = byId(report.getAsJsonArray("incidents"), "id", "EDGE-MESA");
        assertEquals(3, mesa.getAsJsonObject("since").get("transaction").getAsLong(),
                "the upgrade to 25.1.4, not the reinstall (transaction 4)");
        JsonObject kde = byId(report.getAsJsonArray("incidents"), "id", "EDGE-KDE");
        assertTrue(kde.getAsJsonArray("evidence").toString().contains("outside the incident's scope (editions kde)"), kde.toString());
        Set<String> mesaUpdates = new TreeSet<>();
        for (JsonElement u : report.getAsJsonArray("updates")) {
            JsonObject o = u.getAsJsonObject();
            if (!o.get("name").getAsString().startsWith("mesa")) {
                continue;
            }
            mesaUpdates.add(o.get("name").getAsString() + "." + o.get("arch").getAsString() + "=" + o.get("verdict").getAsString());
        }
        assertEquals(Set.of("mesa-libGL.i686=ok", "mesa-libGL.x86_64=ok"), mesaUpdates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void theDefaultKernelAffectedIsLeftByBootNotByDowngradeOrALockOnTheName(String manager) throws Exception {
        // No fix yet: 6.17.7, pending once removed, is affected too.
        feed.publish(EdgeFeed.of(null, "25.1.6-1.fc43", "2026-11-22T00:00:00Z"));
        Root root = copy(root(manager));
        // Without 6.17.7 (removed with real dnf, and its boot entry as kernel-install removes it), the
        // newest boot entry is the affected 6.17.6.
        run(root.dnf(List.of("sudo", manager.equals("dnf5") ? "dnf5" : "dnf", "--installroot=" + root.commandRoot(), "remove",
                "kernel-core-6.17.7-300.fc43.x86_64", "kernel-modules-6.17.7-300.fc43.x86_64")));
        Files.delete(root.path().resolve("boot/loader/entries/0123456789abcdef0123456789abcdef-6.17.7-300.fc43.x86_64.conf"));
        JsonObject guide = guide(root, "EDGE-KERNEL");
        assertEquals("affected", guide.get("relation").getAsString());
        List<String> titles = new ArrayList<>();
        guide.getAsJsonArray("steps").forEach(s -> titles.add(s.getAsJsonObject().get("title").getAsString()));
        assertEquals(List.of("Boot the previous kernel", "Make it the default", "Remove the affected kernel 6.17.6-300.fc43.x86_64",
                "Keep version 6.17.6-300.fc43 out"), titles);
        assertTrue(!guide.toString().contains("downgrade") && !guide.toString().contains("versionlock add"), guide.toString());
        String dnf = manager.equals("dnf5") ? "dnf5" : "dnf";
        assertEquals("sudo grubby --set-default /boot/vmlinuz-6.17.5-300.fc43.x86_64", display(step(guide, "Make it the default"), 0));

        // Keep the version out, with the real versionlock: done when the file says so.
        JsonObject exclude = step(guide, "Keep version");
        assertEquals("sudo " + dnf + " --installroot=" + root.commandRoot() + " versionlock exclude kernel-core-6.17.6-300.fc43"
                + " kernel-modules-6.17.6-300.fc43", display(exclude, 0));
        run(root.dnf(argv(exclude, 0)));
        JsonObject afterExclude = guide(root, "EDGE-KERNEL");
        assertEquals(true, step(afterExclude, "Keep version").get("done").getAsBoolean(), afterExclude.toString());
        assertEquals(false, step(afterExclude, "Make it the default").get("done").getAsBoolean());

        // grubby --set-default writes the saved entry (grubby is not on this machine): then the default is 6.17.5.
        Files.createDirectories(root.path().resolve("boot/grub2"));
        Files.writeString(root.path().resolve("boot/grub2/grubenv"), "# GRUB Environment Block\n"
                + "saved_entry=0123456789abcdef0123456789abcdef-6.17.5-300.fc43.x86_64\n");
        JsonObject afterDefault = guide(root, "EDGE-KERNEL");
        // 6.17.6 is now only kept beside the default; the pending 6.17.7 is in the range too.
        assertEquals("at-risk", afterDefault.get("relation").getAsString());

        // Remove it with its siblings, for real: the incident no longer concerns the system.
        JsonObject remove = step(afterDefault, "Remove the affected kernel");
        assertEquals("sudo " + dnf + " --installroot=" + root.commandRoot() + " remove kernel-core-6.17.6-300.fc43.x86_64"
                + " kernel-modules-6.17.6-300.fc43.x86_64", display(remove, 0));
        run(root.dnf(argv(remove, 0)));
        assertEquals(Set.of("kernel-core-6.17.5-300.fc43.x86_64"), rpm(root, "kernel-core"));
        // Only the pending 6.17.7 is left in the range: at risk, and its own version is what to keep out.
        JsonObject atRisk = guide(root, "EDGE-KERNEL");
        assertEquals("at-risk", atRisk.get("relation").getAsString());
        assertEquals("sudo " + dnf + " --installroot=" + root.commandRoot() + " versionlock exclude kernel-core-6.17.7-300.fc43"
                + " kernel-modules-6.17.7-300.fc43", display(step(atRisk, "Keep version"), 0));
        JsonObject report = check(root);
        assertEquals("hold", byId(report.getAsJsonArray("updates"), "name", "kernel-core").get("verdict").getAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void aMultilibPackageGoesBackInBothArchesForReal(String manager) throws Exception {
        feed.publish(EdgeFeed.of("6.17.7-300.fc43", null, "2026-11-22T00:00:00Z"));
        Root root = copy(root(manager));
        JsonObject guide = guide(root, "EDGE-MESA");
        assertEquals("affected", guide.get("relation").getAsString());
        JsonObject back = step(guide, "Go back");
        String dnf = manager.equals("dnf5") ? "dnf5" : "dnf";
        assertEquals("sudo " + dnf + " --installroot=" + root.commandRoot()
                + " downgrade mesa-libGL-25.1.2-1.fc43.i686 mesa-libGL-25.1.2-1.fc43.x86_64", display(back, 0));
        assertEquals("sudo " + dnf + " --installroot=" + root.commandRoot() + " history undo 3", display(back, 1),
                "transaction 3 upgraded exactly mesa-libGL from the last good version; the reinstall (4) is not offered");
        run(root.dnf(argv(back, 0)));
        assertEquals(Set.of("mesa-libGL-25.1.2-1.fc43.i686", "mesa-libGL-25.1.2-1.fc43.x86_64"), rpm(root, "mesa-libGL"));
        JsonObject after = guide(root, "EDGE-MESA");
        assertEquals("at-risk", after.get("relation").getAsString(), "back on 25.1.2 in both arches; 25.1.6 is still affected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4"})
    void dnf4GivenNameAndVersionAloneDowngradesOnlyOneArch(String manager) throws Exception {
        // Why the guide names every arch: given a plain NAME-EVR, dnf4 downgrades the best arch only,
        // and takes the 32-bit build of the affected version off the system with it (Steam's games lose it).
        Root root = copy(root(manager));
        run(root.dnf(List.of("sudo", "dnf", "--installroot=" + root.commandRoot(), "downgrade", "mesa-libGL-25.1.2-1.fc43")));
        assertEquals(Set.of("mesa-libGL-25.1.2-1.fc43.x86_64"), rpm(root, "mesa-libGL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnf4", "dnf5"})
    void aLockOnTheAffectedVersionHidesTheFixAndTheGuideDeletesItFirst(String manager) throws Exception {
        Root root = copy(root(manager));
        String dnf = manager.equals("dnf5") ? "dnf5" : "dnf";
        run(root.dnf(List.of("sudo", dnf, "--installroot=" + root.commandRoot(), "versionlock", "add", "mesa-libGL")));
        JsonObject report = check(root);
        assertTrue(report.getAsJsonArray("updates").asList().stream()
                .noneMatch(u -> u.getAsJsonObject().get("name").getAsString().equals("mesa-libGL")),
                "dnf hides the fix from the pending updates: " + report.getAsJsonArray("updates"));
        assertEquals("affected", byId(report.getAsJsonArray("incidents"), "id", "EDGE-MESA").get("relation").getAsString());
        JsonObject hold = byId(report.getAsJsonArray("holds"), "name", "mesa-libGL");
        assertEquals("[\"EDGE-MESA\",\"EDGE-SRC\"]", hold.getAsJsonArray("pins_affected").toString(), "EDGE-SRC by its source package");
        assertEquals("25.1.6-1.fc43", hold.get("hidden_fix").getAsString());
        assertEquals("sudo " + dnf + " --installroot=" + root.commandRoot() + " versionlock delete mesa-libGL",
                hold.get("release").getAsString());

        JsonObject guide = guide(root, "EDGE-MESA");
        JsonObject unlock = guide.getAsJsonArray("steps").get(0).getAsJsonObject();
        assertEquals("Delete the versionlock entry that keeps the affected version", unlock.get("title").getAsString());
        assertEquals("Update mesa-libGL", guide.getAsJsonArray("steps").get(1).getAsJsonObject().get("title").getAsString());
        run(root.dnf(argv(unlock, 0)));
        JsonObject unlocked = guide(root, "EDGE-MESA");
        assertEquals("fix-available", unlocked.get("relation").getAsString(), "without the lock dnf offers 25.1.6 again");
    }
}
