package org.fedoraproject.preflight.adapter.system;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.fedoraproject.preflight.machine.Deployment;
import org.fedoraproject.preflight.machine.PackageAction;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.TransactionItem;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * Reads rpm-ostree's output: {@code status --json} (deployments in boot order, and the cached
 * update that rpm-ostreed found, with its package diff), {@code upgrade --check --preview} text,
 * and {@code db diff --format=json}.
 */
public final class RpmOstreeParser {

    /** Deployments, and what the cached update would change (empty: no update known). */
    public record Status(List<Deployment> deployments, List<PendingUpdate> cachedUpdate) {
        public Status {
            deployments = List.copyOf(deployments);
            cachedUpdate = List.copyOf(cachedUpdate);
        }
    }

    private RpmOstreeParser() {
    }

    public static Status parseStatus(String json) throws UnexpectedOutputException {
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            List<Deployment> deployments = new ArrayList<>();
            for (JsonElement d : root.getAsJsonArray("deployments")) {
                deployments.add(deployment(d.getAsJsonObject()));
            }
            List<PendingUpdate> updates = new ArrayList<>();
            JsonElement cached = root.get("cached-update");
            if (cached != null && cached.isJsonObject() && cached.getAsJsonObject().has("rpm-diff")) {
                JsonObject diff = cached.getAsJsonObject().getAsJsonObject("rpm-diff");
                String origin = "rpm-ostree " + text(cached.getAsJsonObject(), "version", "update");
                for (String kind : List.of("upgraded", "downgraded")) {
                    for (JsonElement e : array(diff, kind)) {
                        JsonArray row = e.getAsJsonArray(); // [type, name, [old evr, arch], [new evr, arch]]
                        JsonArray next = row.get(3).getAsJsonArray();
                        updates.add(new PendingUpdate(nevra(row.get(1).getAsString(), next.get(0).getAsString(),
                                next.get(1).getAsString()), origin, List.of()));
                    }
                }
                for (JsonElement e : array(diff, "added")) {
                    JsonArray row = e.getAsJsonArray(); // [type, name, evr, arch]
                    updates.add(new PendingUpdate(nevra(row.get(1).getAsString(), row.get(2).getAsString(),
                            row.get(3).getAsString()), origin, List.of()));
                }
            }
            return new Status(deployments, updates);
        } catch (JsonParseException | IllegalStateException | NullPointerException | IndexOutOfBoundsException
                 | UnsupportedOperationException | ClassCastException | InvalidVersionException e) {
            throw new UnexpectedOutputException("unexpected rpm-ostree status JSON (" + e.getMessage() + ")");
        }
    }


    /** {@code db diff --format=json}: {@code pkgdiff} rows {@code [name, type, {PreviousPackage, NewPackage}]}. */
    public static List<TransactionItem> parseDbDiff(String json) throws UnexpectedOutputException {
        try {
            List<TransactionItem> items = new ArrayList<>();
            for (JsonElement e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("pkgdiff")) {
                JsonArray row = e.getAsJsonArray();
                int type = row.get(1).getAsInt();
                JsonObject packages = row.get(2).getAsJsonObject();
                Optional<Nevra> previous = diffPackage(packages, "PreviousPackage");
                Optional<Nevra> next = diffPackage(packages, "NewPackage");
                PackageAction action = switch (type) {
                    case 0 -> PackageAction.INSTALL;
                    case 1 -> PackageAction.REMOVE;
                    case 2 -> PackageAction.UPGRADE;
                    case 3 -> PackageAction.DOWNGRADE;
                    default -> throw new UnexpectedOutputException("unknown package diff type " + type);
                };
                Nevra subject = action == PackageAction.REMOVE ? previous.orElseThrow() : next.orElseThrow();
                List<Nevra> replaced = action == PackageAction.UPGRADE || action == PackageAction.DOWNGRADE
                        ? previous.map(List::of).orElse(List.of()) : List.of();
                items.add(new TransactionItem(subject, action, "deployment", "rpm-ostree", replaced));
            }
            return items;
        } catch (JsonParseException | IllegalStateException | NullPointerException | IndexOutOfBoundsException
                 | UnsupportedOperationException | ClassCastException | NoSuchElementException
                 | InvalidVersionException e) {
            throw new UnexpectedOutputException("unexpected rpm-ostree db diff JSON (" + e.getMessage() + ")");
        }
    }

    private static Optional<Nevra> diffPackage(JsonObject packages, String key) {
        if (!packages.has(key)) {
            return Optional.empty();
        }
        JsonArray p = packages.getAsJsonArray(key); // [name, evr, arch]
        return Optional.of(nevra(p.get(0).getAsString(), p.get(1).getAsString(), p.get(2).getAsString()));
    }

    private static Deployment deployment(JsonObject d) {
        List<String> overrides = new ArrayList<>();
        for (JsonElement pair : array(d, "base-local-replacements")) {
            // [[old nevra, name, epoch, version, release, arch], [new ...]]
            overrides.add(pair.getAsJsonArray().get(1).getAsJsonArray().get(0).getAsString());
        }
        array(d, "requested-base-local-replacements").forEach(e -> overrides.add(e.getAsString()));
        List<String> layered = new ArrayList<>();
        array(d, "requested-packages").forEach(e -> layered.add(e.getAsString()));
        return new Deployment(text(d, "id", ""), text(d, "checksum", ""), text(d, "version", ""),
                Instant.ofEpochSecond(d.has("timestamp") ? d.get("timestamp").getAsLong() : 0),
                bool(d, "booted"), bool(d, "staged"), bool(d, "pinned"), layered,
                overrides.stream().distinct().toList());
    }

    private static Nevra nevra(String name, String evr, String arch) {
        return new Nevra(name, Evr.parseWithRelease(evr), arch);
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    private static String text(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }
}
