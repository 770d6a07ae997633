package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * The advisories dnf's {@code updateinfo --updates} would list, read straight from the
 * {@code updateinfo.xml} of dnf's cached metadata: one pass over files dnf already downloaded
 * instead of one or two dnf runs of a second each.
 *
 * <p>What dnf lists: every advisory package of the same name and arch as an installed package that
 * has an update, with a newer version than that installed one. What is read: every repository in
 * the cache directory dnf last refreshed for it ({@code <repoid>-<hash>}, the newest
 * {@code repomd.xml}), parsed while dnf works out the pending updates ({@link #parse}); what is
 * used: the repositories the pending updates come from (so enabled ones; a repository that offers
 * no pending update can only have advisories of versions older than those pending).
 *
 * <p>Empty when dnf must be asked instead: a pending repository with no cached updateinfo
 * location, a compression not known here, a file that does not read, or (dnf5 on this machine, as
 * a user) a user cache that dnf5 may read instead of the system's.
 */
final class RepodataAdvisories {

    /** Fedora's updates repository's updateinfo is some tens of megabytes; past this it is not metadata. */
    static final long LIMIT = 512L << 20;
    private static final Pattern CACHE_DIR = Pattern.compile("(.+)-[0-9a-f]{16}");
    private static final Pattern LOCATION = Pattern.compile(
            "<data\\s+type=\"updateinfo\">.*?<location\\s+href=\"([^\"]+)\"", Pattern.DOTALL);

    private final Path cacheDir;
    private final Optional<Path> userCache;

    /** {@code userCache}: where dnf5 keeps a user's own metadata, when it may prefer that to {@code cacheDir}. */
    RepodataAdvisories(Path cacheDir, Optional<Path> userCache) {
        this.cacheDir = cacheDir;
        this.userCache = userCache;
    }

    static RepodataAdvisories of(Target target, PackageManager manager, Map<String, String> env) {
        if (target.cache().isPresent()) {
            return new RepodataAdvisories(target.cache().get().host(), Optional.empty());
        }
        boolean dnf5 = manager == PackageManager.DNF5;
        Optional<Path> user = dnf5 && target.isHost() && !"root".equals(System.getProperty("user.name"))
                ? Optional.of(Path.of(env.getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache"), "libdnf5"))
                : Optional.empty();
        return new RepodataAdvisories(target.file(dnf5 ? "var/cache/libdnf5" : "var/cache/dnf"), user);
    }

    Optional<List<Advisory>> read(List<InstalledPackage> installed, List<PendingUpdate> pending) {
        return parse().select(installed, pending);
    }

    /**
     * Every cached repository's advisories with all their packages, by repository id (empty for a
     * repository whose updateinfo could not be read): what can be read before the pending updates
     * are known, while dnf works them out.
     */
    Parsed parse() {
        Map<String, Optional<List<Advisory>>> byRepository = new HashMap<>();
        newestByRepository(cacheDir).forEach((id, dir) -> byRepository.put(id, parse(dir)));
        return new Parsed(byRepository, userCache.map(u -> newestByRepository(u).keySet()).orElse(Set.of()));
    }

    private static Optional<List<Advisory>> parse(Path dir) {
        try {
            Optional<Path> file = updateinfo(dir);
            if (file.isEmpty()) {
                return Optional.of(List.of());
            }
            try (InputStream in = Decompressed.open(file.get(), LIMIT)) {
                return Optional.of(UpdateinfoXml.read(in));
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The cache read ahead; {@code inUserCache}: the repositories dnf5 may read from the user's own cache instead. */
    record Parsed(Map<String, Optional<List<Advisory>>> byRepository, Set<String> inUserCache) {

        /** The advisories of these pending updates, or empty when dnf must be asked. */
        Optional<List<Advisory>> select(List<InstalledPackage> installed, List<PendingUpdate> pending) {
            Set<String> repositories = new TreeSet<>();
            pending.forEach(u -> repositories.add(u.repository()));
            if (repositories.stream().anyMatch(inUserCache::contains)) {
                return Optional.empty();
            }
            Predicate<Nevra> wanted = newerThanUpgradable(installed, pending);
            List<Advisory> advisories = new ArrayList<>();
            for (String repository : repositories) {
                Optional<List<Advisory>> parsed = byRepository.getOrDefault(repository, Optional.empty());
                if (parsed.isEmpty()) {
                    return Optional.empty(); // not in this cache (dnf reads another), or it did not read
                }
                for (Advisory a : parsed.get()) {
                    List<Nevra> packages = a.packages().stream().filter(wanted).toList();
                    if (!packages.isEmpty()) {
                        advisories.add(new Advisory(a.id(), a.type(), a.severity(), a.issued(), packages, a.bugs()));
                    }
                }
            }
            return Optional.of(merged(advisories));
        }
    }

    /** The updateinfo file repomd.xml names; none when the repository has none (many have none). */
    private static Optional<Path> updateinfo(Path repo) throws IOException {
        Matcher m = LOCATION.matcher(Files.readString(repo.resolve("repodata/repomd.xml")));
        if (!m.find()) {
            return Optional.empty();
        }
        Path file = repo.resolve(m.group(1)).normalize();
        if (!file.startsWith(repo)) {
            throw new IOException("repomd.xml names a file outside its repository: " + m.group(1));
        }
        return Optional.of(file);
    }

    /** Each repository's cache directory with the newest repomd.xml: the one dnf last refreshed. */
    private static Map<String, Path> newestByRepository(Path cache) {
        Map<String, Path> newest = new HashMap<>();
        Map<String, Long> times = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache, Files::isDirectory)) {
            for (Path dir : entries) {
                Matcher m = CACHE_DIR.matcher(dir.getFileName().toString());
                Path repomd = dir.resolve("repodata/repomd.xml");
                if (m.matches() && Files.isRegularFile(repomd)) {
                    long time = Files.getLastModifiedTime(repomd).toMillis();
                    if (time > times.getOrDefault(m.group(1), Long.MIN_VALUE)) {
                        times.put(m.group(1), time);
                        newest.put(m.group(1), dir);
                    }
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return newest;
    }

    /** dnf's rule for {@code --updates}: same name and arch as an installed package that has an update, newer than it. */
    static Predicate<Nevra> newerThanUpgradable(List<InstalledPackage> installed, List<PendingUpdate> pending) {
        Set<String> upgradable = new HashSet<>();
        pending.forEach(u -> upgradable.add(u.nevra().name()));
        Map<String, List<Evr>> installedByNameArch = new HashMap<>();
        installed.stream().map(InstalledPackage::nevra).filter(n -> upgradable.contains(n.name()))
                .forEach(n -> installedByNameArch.computeIfAbsent(n.nameArch(), k -> new ArrayList<>()).add(n.evr()));
        return n -> installedByNameArch.getOrDefault(n.nameArch(), List.of()).stream().anyMatch(i -> n.evr().isNewerThan(i));
    }

    /** One advisory per id, as dnf shows one that two repositories carry (its packages joined). */
    private static List<Advisory> merged(List<Advisory> advisories) {
        Map<String, Advisory> byId = new LinkedHashMap<>();
        for (Advisory a : advisories) {
            byId.merge(a.id(), a, (x, y) -> {
                List<Nevra> packages = new ArrayList<>(x.packages());
                y.packages().stream().filter(p -> !packages.contains(p)).forEach(packages::add);
                return new Advisory(x.id(), x.type(), x.severity(), x.issued(), packages, x.bugs());
            });
        }
        return List.copyOf(byId.values());
    }
}
