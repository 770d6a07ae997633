package org.fedoraproject.preflight.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.adapter.feed.FeedParser;
import org.fedoraproject.preflight.adapter.feed.FeedReadResult;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.machine.Boot;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.PendingUpdates;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.Transaction;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * The bundled sample system and feed behind {@code --demo}: a made-up Fedora 43 Workstation
 * whose packages meet the sample feed's incidents in every way (affected, fix available, at
 * risk), for trying Preflight on a machine that is not Fedora.
 */
public final class DemoSystem {

    public static final String FEED_SOURCE = "bundled sample feed";

    /** The demo kernel is installonly, as on Fedora, and the installed one boots by default. */
    private static Boot boot(List<InstalledPackage> installed) {
        Optional<String> kernel = installed.stream().filter(p -> p.nevra().name().equals("kernel-core"))
                .map(p -> Boot.kernelRelease(p.nevra())).findFirst();
        return new Boot(Reading.of(Set.of("kernel-core", "kernel-modules", "kernel-modules-core", "kernel")), Optional.empty(),
                kernel, "the newest boot entry");
    }

    private DemoSystem() {
    }

    public static SystemSnapshot snapshot() {
        JsonObject o = resource(DemoSystem.class, "demo-system.json").getAsJsonObject();
        Map<String, String> fields = new HashMap<>();
        o.getAsJsonObject("os_release").entrySet().forEach(e -> fields.put(e.getKey(), e.getValue().getAsString()));
        List<InstalledPackage> installed = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("installed")) {
            JsonObject p = e.getAsJsonObject();
            installed.add(new InstalledPackage(Nevra.parse(p.get("nevra").getAsString()), Instant.parse(p.get("installed").getAsString())));
        }
        List<PendingUpdate> pending = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("pending")) {
            JsonObject p = e.getAsJsonObject();
            List<Nevra> obsoletes = new ArrayList<>();
            if (p.has("obsoletes")) {
                p.getAsJsonArray("obsoletes").forEach(x -> obsoletes.add(Nevra.parse(x.getAsString())));
            }
            pending.add(new PendingUpdate(Nevra.parse(p.get("nevra").getAsString()), p.get("repository").getAsString(), obsoletes));
        }
        List<Transaction> history = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("history")) {
            JsonObject t = e.getAsJsonObject();
            List<TransactionItem> items = new ArrayList<>();
            for (JsonElement i : t.getAsJsonArray("items")) {
                JsonObject item = i.getAsJsonObject();
                List<Nevra> replaced = new ArrayList<>();
                item.getAsJsonArray("replaced").forEach(x -> replaced.add(Nevra.parse(x.getAsString())));
                items.add(new TransactionItem(Nevra.parse(item.get("nevra").getAsString()), action(item.get("action").getAsString()),
                        "user", "updates", replaced));
            }
            Instant start = Instant.parse(t.get("start").getAsString());
            history.add(new Transaction(t.get("source").getAsString().equals("dnf4") ? HistorySource.DNF4 : HistorySource.DNF5,
                    t.get("id").getAsLong(), start, Optional.of(start.plusSeconds(40)), 1000,
                    t.get("description").getAsString(), "ok", "43", items));
        }
        return new SystemSnapshot(Reading.of(OsRelease.of(fields)), Reading.of(PackageManager.DNF5), Reading.of(installed),
                Reading.of(new PendingUpdates(pending, Optional.of(Instant.parse(o.get("metadata_time").getAsString())))),
                History.merge(List.of(Reading.of(history))), List.of(), Instant.parse("2026-11-25T09:00:00Z"), boot(installed));
    }

    /** The sample feed, trusted because it comes inside Preflight itself. */
    public static FeedStatus feed() {
        String text;
        try (InputStream in = FeedParser.class.getResourceAsStream("sample-feed.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FeedReadResult.Accepted read = (FeedReadResult.Accepted) FeedParser.parse(text);
        return new FeedStatus(FEED_SOURCE, Optional.of(read.feed()), Optional.of(read.feed().generated()), false, false,
                Optional.empty(), Optional.of("bundled"), read.problems());
    }

    private static PackageAction action(String id) {
        for (PackageAction a : PackageAction.values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action " + id);
    }

    private static JsonElement resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
