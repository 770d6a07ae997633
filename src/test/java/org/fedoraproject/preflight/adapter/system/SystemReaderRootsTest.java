package org.fedoraproject.preflight.adapter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.testing.Processes;
import org.fedoraproject.preflight.testing.TestRoots;
import org.fedoraproject.preflight.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The snapshot of the real test roots, checked against what rpm, dnf4 and dnf5 themselves say. */
class SystemReaderRootsTest {

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    /** What build-roots.sh published after the roots' last transaction. */
    private static final Set<String> PENDING = Set.of(
            "mesa-dri-drivers-25.1.6-1.fc43.x86_64", "mesa-libGL-25.1.6-1.fc43.x86_64",
            "kernel-core-6.17.7-300.fc43.x86_64", "grub2-efi-x64-1:2.12-33.fc43.x86_64",
            "firefox-146.0-1.fc43.x86_64", "gnome-shell-49.2-1.fc43.x86_64",
            "NetworkManager-libnm-1:1.54.2-1.fc43.x86_64", "htop-3.4.2-1.fc43.x86_64",
            "pipewire-jack-audio-connection-kit-1.4.9-1.fc43.x86_64");

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    private static SystemSnapshot snapshot(Target target) {
        return new SystemReader(target, EXECUTOR, Clock.systemUTC()).read();
    }

    @Test
    void dnf4RootAgreesWithRpmAndDnf4() {
        Tools.require("dnf");
        Target target = TestRoots.dnf4();
        SystemSnapshot s = snapshot(target);
        assertEquals(List.of(), s.problems());
        OsRelease os = s.os().get().orElseThrow();
        assertEquals("43", os.versionId());
        assertEquals("workstation", os.variantId());
        assertEquals(PackageManager.DNF4, s.manager().get().orElseThrow());

        assertEquals(rpmQueryAll(List.of(), TestRoots.dnf4Root().toString()), installed(s));
        assertPending(s);
        CommandResult dnf = run(List.of("dnf", "--installroot=" + TestRoots.dnf4Root(), "--cacheonly", "check-update"));
        assertEquals(100, dnf.exitCode(), dnf.stderr());
        for (PendingUpdate u : s.pending().get().orElseThrow().updates()) {
            assertTrue(dnf.stdout().contains(u.nevra().nameArch()), "dnf4 lists " + u.nevra().nameArch());
        }

        List<Transaction> history = s.history().transactions();
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L), history.stream().map(Transaction::id).toList());
        assertTrue(history.stream().allMatch(t -> t.source() == HistorySource.DNF4));
        CommandResult list = run(List.of("dnf", "--installroot=" + TestRoots.dnf4Root(), "history", "list"));
        Set<Long> dnfIds = list.stdout().lines().map(String::strip).filter(l -> l.matches("^\\d+ .*"))
                .map(l -> Long.parseLong(l.split("\\s+")[0])).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), dnfIds, list.stdout());
        assertStory(history, true);
    }

    @Test
    void dnf5RootAgreesWithRpmAndDnf5() {
        Target target = TestRoots.dnf5();
        SystemSnapshot s = snapshot(target);
        assertEquals(List.of(), s.problems());
        assertEquals(PackageManager.DNF5, s.manager().get().orElseThrow());
        assertEquals(rpmQueryAll(TestRoots.chrootPrefix(), "/roots/dnf5"), installed(s));
        assertPending(s);

        List<Transaction> dnf5 = s.history().transactions().stream().filter(t -> t.source() == HistorySource.DNF5).toList();
        List<Transaction> dnf4 = s.history().transactions().stream().filter(t -> t.source() == HistorySource.DNF4).toList();
        assertEquals(6, dnf5.size());
        assertEquals(1, dnf4.size(), "the PackageKit-style dnf4 transaction is merged in");
        assertEquals("nano-8.4-1.fc43.x86_64", dnf4.get(0).items().get(0).nevra().toString());
        assertStory(dnf5, false);

        // Every transaction and package action that dnf5 itself lists.
        List<String> prefix = TestRoots.chrootPrefix();
        List<String> info = new ArrayList<>(prefix);
        info.addAll(List.of("dnf5", "--installroot=/roots/dnf5", "history", "info", "--json", "1..6"));
        CommandResult dnfInfo = run(info);
        assertEquals(0, dnfInfo.exitCode(), dnfInfo.stderr());
        Map<Long, Set<String>> theirs = new TreeMap<>();
        for (JsonElement t : JsonParser.parseString(dnfInfo.stdout()).getAsJsonArray()) {
            Set<String> packages = new TreeSet<>();
            for (JsonElement p : t.getAsJsonObject().getAsJsonArray("packages")) {
                String action = p.getAsJsonObject().get("action").getAsString().toLowerCase().replace(' ', '-');
                packages.add(action + " " + Nevra.parse(p.getAsJsonObject().get("nevra").getAsString()));
            }
            theirs.put(t.getAsJsonObject().get("id").getAsLong(), packages);
        }
        Map<Long, Set<String>> ours = new TreeMap<>();
        for (Transaction t : dnf5) {
            Set<String> packages = new TreeSet<>();
            for (TransactionItem item : t.items()) {
                packages.add(item.action().id() + " " + item.nevra());
                item.replaced().forEach(r -> packages.add("replaced " + r));
            }
            ours.put(t.id(), packages);
        }
        assertEquals(theirs, ours);
    }

    @Test
    void historyForSomePackagesReadsOnlyTheirTransactionsWhole() {
        for (Target target : List.of(TestRoots.dnf4(), TestRoots.dnf5())) {
            SystemReader reader = new SystemReader(target, EXECUTOR, Clock.systemUTC());
            History htop = reader.readHistory(Set.of("htop"));
            assertEquals(List.of(), htop.problems());
            assertEquals(List.of(4L, 3L, 1L), htop.transactions().stream()
                    .filter(t -> t.source() != HistorySource.DNF4 || target.commandRoot().endsWith("dnf4"))
                    .map(Transaction::id).toList());
            assertEquals(15, htop.transactions().get(2).items().size(), "a matching transaction comes with all its items");
            assertEquals(List.of(), reader.readHistory(Set.of("not-installed-anywhere")).transactions());
        }
    }

    /** The life build-roots.sh gave both roots: install, the bad mesa, htop up and down, nano removed, pulseaudio replaced. */
    private static void assertStory(List<Transaction> newestFirst, boolean linksReplacements) {
        List<Transaction> t = new ArrayList<>(newestFirst);
        Collections.reverse(t);
        assertEquals(15, t.get(0).items().size());
        assertEquals(Set.of("upgrade mesa-dri-drivers-25.1.4-1.fc43.x86_64 <- mesa-dri-drivers-25.1.2-1.fc43.x86_64",
                "upgrade mesa-libGL-25.1.4-1.fc43.x86_64 <- mesa-libGL-25.1.2-1.fc43.x86_64"), describe(t.get(1)));
        assertEquals(Set.of("upgrade htop-3.4.2-1.fc43.x86_64 <- htop-3.4.1-1.fc43.x86_64"), describe(t.get(2)));
        assertEquals(Set.of("downgrade htop-3.4.1-1.fc43.x86_64 <- htop-3.4.2-1.fc43.x86_64"), describe(t.get(3)));
        assertEquals(Set.of("remove nano-8.4-1.fc43.x86_64 <- "), describe(t.get(4)));
        Set<String> obsoleting = describe(t.get(5));
        // dnf4 links the obsoleted package to its replacement; dnf5 records no link, so it stays on its own.
        assertEquals(linksReplacements
                ? Set.of("install pipewire-pulseaudio-1.4.9-1.fc43.x86_64 <- pulseaudio-17.0-1.fc43.x86_64")
                : Set.of("install pipewire-pulseaudio-1.4.9-1.fc43.x86_64 <- ", "replaced pulseaudio-17.0-1.fc43.x86_64 <- "),
                obsoleting);
        assertTrue(t.get(0).items().stream().anyMatch(i -> i.nevra().name().equals("libdrm") && i.reason().equals("dependency")));
        assertTrue(t.get(0).items().stream().anyMatch(i -> i.nevra().toString().equals("grub2-efi-x64-1:2.12-32.fc43.x86_64")));
    }

    private static Set<String> describe(Transaction t) {
        return t.items().stream().map(i -> i.action().id() + " " + i.nevra() + " <- "
                + i.replaced().stream().map(Object::toString).collect(Collectors.joining(","))).collect(Collectors.toSet());
    }

    private static void assertPending(SystemSnapshot s) {
        List<PendingUpdate> updates = s.pending().get().orElseThrow().updates();
        assertEquals(PENDING, updates.stream().map(u -> u.nevra().toString()).collect(Collectors.toSet()));
        PendingUpdate jack = updates.stream().filter(PendingUpdate::isObsoleting).findFirst().orElseThrow();
        assertEquals(List.of(Nevra.parse("jack-audio-connection-kit-1.9.22-8.fc43.x86_64")), jack.obsoletes());
        assertTrue(s.pending().get().orElseThrow().metadataTime().isPresent(), "metadata age is known");
    }

    private static Set<String> installed(SystemSnapshot s) {
        return s.installed().get().orElseThrow().stream().map(p -> p.nevra().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code rpm -qa} itself, with the epoch shown as Preflight shows it. */
    private static Set<String> rpmQueryAll(List<String> prefix, String root) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("rpm", "--root=" + root, "-qa", "--qf", "%{NAME}-%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}.%{ARCH}\\n"));
        CommandResult r = run(command);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().lines().filter(l -> !l.startsWith("gpg-pubkey")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static CommandResult run(List<String> command) {
        Processes.Result r = Processes.run(command, null, Map.of());
        return new CommandResult(command, r.exitCode(), r.stdout(), r.stderr());
    }
}
