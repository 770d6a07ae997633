package org.fedoraproject.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.preflight.Main;
import org.fedoraproject.preflight.adapter.system.PackageKitReader;
import org.fedoraproject.preflight.adapter.system.Target;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckService;
import org.fedoraproject.preflight.app.NoticePolicy;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.testing.English;
import org.fedoraproject.preflight.testing.FedoraSources;
import org.fedoraproject.preflight.testing.PrivateSystemBus;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.SignedFeed;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.text.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PackageKit as GNOME Software uses it: Debian's real packagekitd (dummy backend) and polkitd on a
 * private system bus; the offline update files written in PackageKit's own format where the
 * daemon reads them. Then {@code preflight check} from the jar, on a copy of the dnf4 root.
 */
class PackageKitIT {

    @TempDir
    Path dir;

    private PrivateSystemBus bus;
    private SignedFeed feed;

    @BeforeEach
    void start() throws Exception {
        bus = PrivateSystemBus.start(Files.createDirectories(dir.resolve("bus")));
        feed = SignedFeed.serve(new byte[0], Files.createDirectories(dir.resolve("home")));
        FedoraSources.serve(feed.server());
    }

    @AfterEach
    void stop() throws Exception {
        if (feed != null) {
            feed.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void getUpdatesAndThePreparedOfflineUpdateComeFromTheDaemon() throws Exception {
        PackageKitView nothingPrepared = new PackageKitReader(Target.of(dir), bus.address()).read().get().orElseThrow();
        assertEquals("D-Bus", nothingPrepared.via());
        // The dummy backend's updates, Fedora-shaped package ids (name;version-release;arch;repo).
        assertEquals(List.of(Nevra.parse("gtkhtml2-2.19.1-4.fc8.i386"), Nevra.parse("kernel-2.6.23-0.115.rc3.git1.fc8.i386"),
                Nevra.parse("powertop-1.8-1.fc8.i386")), nothingPrepared.updates().orElseThrow().stream().sorted().toList());
        assertFalse(nothingPrepared.hasPrepared());

        Files.writeString(bus.packageKitState().resolve("prepared-update"),
                "[update]\nprepared_ids=firefox;146.0-1.fc43;x86_64;updates,grub2-efi-x64;1:2.12-33.fc43;x86_64;updates\n");
        Files.writeString(bus.packageKitState().resolve("prepared-upgrade"), "[update]\nname=Fedora Linux\nreleasever=44\n");
        PackageKitView prepared = new PackageKitReader(Target.of(dir), bus.address()).read().get().orElseThrow();
        assertEquals(List.of(Nevra.parse("firefox-146.0-1.fc43.x86_64"), Nevra.parse("grub2-efi-x64-1:2.12-33.fc43.x86_64")),
                prepared.prepared(), "Offline.GetPrepared, as any user may ask");
        assertEquals("44", prepared.preparedUpgrade().orElseThrow(), "Offline.PreparedUpgrade");
        assertFalse(prepared.triggered());
    }

    private Processes.Result check(Path root, Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Processes.jar().toString(), "check", "--root", root.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(feed.environment());
        env.putAll(extra);
        return Processes.run(command, null, env);
    }

    @Test
    void aPreparedUpdateThatInstallsAHeldVersionIsSaidWithTheWayOut() throws Exception {
        Path root = dir.resolve("root");
        Processes.run(List.of("cp", "-a", TestRoots.dnf4Root().toString(), root.toString()), null, Map.of());
        Files.writeString(bus.packageKitState().resolve("prepared-update"),
                "[update]\nprepared_ids=firefox;146.0-1.fc43;x86_64;updates,mesa-dri-drivers;25.1.6-1.fc43;x86_64;updates\n");
        Map<String, String> daemon = Map.of("PREFLIGHT_PACKAGEKIT", "always", "DBUS_SYSTEM_BUS_ADDRESS", bus.address());
        Processes.Result r = check(root, daemon, "--json");
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        JsonObject pk = JsonParser.parseString(r.stdout()).getAsJsonObject().getAsJsonObject("packagekit");
        assertTrue(pk.get("checked").getAsBoolean());
        assertEquals("[\"firefox-146.0-1.fc43.x86_64\"]", pk.getAsJsonArray("prepared_held").toString());
        assertEquals("[\"pkcon\",\"offline-cancel\"]", pk.getAsJsonArray("cancel_command").toString());
        assertEquals(3, pk.getAsJsonArray("only_packagekit").size(), "the dummy backend's updates: " + pk);
        assertEquals(9, pk.getAsJsonArray("only_dnf").size(), pk.toString());
        assertTrue(r.stderr().contains("PackageKit (what GNOME Software installs) and dnf's cache differ"), r.stderr());
        JsonObject json = JsonParser.parseString(r.stdout()).getAsJsonObject();
        assertEquals(12, json.getAsJsonArray("updates").size(), "both sets are assessed");

        Processes.Result text = check(root, daemon);
        assertTrue(text.stdout().contains("The update GNOME Software prepared will install firefox 146.0-1.fc43 at the next restart."),
                text.stdout());
        assertTrue(text.stdout().contains("Cancel it before you restart (it asks for your password; after the hold, let GNOME Software"
                + " prepare the update again): pkcon offline-cancel"), text.stdout());

        // The background's one notification says it first.
        Map<String, String> env = new HashMap<>(feed.environment());
        env.putAll(daemon);
        Main.Wiring wiring = Main.wire(env, Clock.systemUTC());
        CheckReport report = wiring.check().get().check(
                new CheckService.Request(Optional.of(root), List.of(), false, false));
        var states = NoticePolicy.states(report, Instant.now());
        var news = NoticePolicy.summary(List.copyOf(states.values()), report).orElseThrow();
        String summary = Messages.english().sentence(news.summary());
        String body = String.join("\n", English.of(news.body()));
        assertTrue(summary.startsWith("The prepared update installs a held version"), summary);
        assertTrue(body.startsWith("\u2022 Cancel the prepared update before you restart: it installs firefox 146.0-1.fc43."), body);
    }

    @Test
    void withoutTheDaemonThePreparedUpdateAndTheLastResultAreReadFromPackageKitsFiles() throws Exception {
        Path root = dir.resolve("root");
        Processes.run(List.of("cp", "-a", TestRoots.dnf4Root().toString(), root.toString()), null, Map.of());
        Path state = Files.createDirectories(root.resolve("var/lib/PackageKit"));
        Files.writeString(state.resolve("prepared-update"), "[update]\nprepared_ids=firefox;146.0-1.fc43;x86_64;updates\n");
        Files.writeString(state.resolve("offline-update-competed"), "[PackageKit Offline Update Results]\nSuccess=false\n"
                + "Role=update-packages\nErrorCode=missing-gpg-signature\nErrorDetails=firefox-146.0-1.fc43 is not signed\n");
        Processes.Result r = check(root, Map.of(), "--json");
        JsonObject pk = JsonParser.parseString(r.stdout()).getAsJsonObject().getAsJsonObject("packagekit");
        assertEquals("files", pk.get("via").getAsString());
        assertFalse(pk.get("checked").getAsBoolean(), "GetUpdates needs the daemon");
        assertEquals("[\"firefox-146.0-1.fc43.x86_64\"]", pk.getAsJsonArray("prepared_held").toString());
        assertFalse(pk.getAsJsonObject("last_offline_update").get("success").getAsBoolean());
        assertEquals("firefox-146.0-1.fc43 is not signed", pk.getAsJsonObject("last_offline_update").get("error").getAsString());
        Processes.Result text = check(root, Map.of());
        assertTrue(text.stdout().contains("The last offline update failed: firefox-146.0-1.fc43 is not signed"), text.stdout());
    }
}
