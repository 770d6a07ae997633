package org.fedoraproject.preflight.adapter.system;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.text.Text;

/**
 * The advisories of the pending updates, from the updateinfo in dnf's cached metadata: read
 * directly ({@link RepodataAdvisories}, one pass over the files), or where that cannot be done
 * exactly, from dnf: {@code dnf5 advisory info --json --updates} (one command), or dnf4's
 * {@code updateinfo list --updates} (the packages) and {@code updateinfo info --updates} (the
 * bugs and dates), joined by advisory.
 * A repository without updateinfo gives none; that is not a failure.
 */
public final class AdvisoryReader {

    static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final Target target;
    private final PackageManager manager;

    public AdvisoryReader(Target target, PackageManager manager) {
        this.target = target;
        this.manager = manager;
    }

    /** The advisories of {@code pending}, the updates of {@code installed}. */
    public Reading<List<Advisory>> read(List<InstalledPackage> installed, List<PendingUpdate> pending) {
        return read(readCache(), installed, pending);
    }

    /**
     * dnf's cached updateinfo, parsed: the slow part, which needs no pending update, so it can run
     * while dnf works them out.
     */
    public Cached readCache() {
        if (manager == PackageManager.RPM_OSTREE || !target.hasRpmDatabase()) {
            return new Cached(manager, Optional.empty());
        }
        return new Cached(manager, Optional.of(RepodataAdvisories.of(target, manager, System.getenv()).parse()));
    }

    /**
     * With the cache parsed ahead by {@link #readCache()} (by this reader's package manager); dnf
     * when it could not be read exactly (none on an Atomic desktop or without an rpm database).
     */
    public Reading<List<Advisory>> read(Cached cached, List<InstalledPackage> installed, List<PendingUpdate> pending) {
        Cached mine = cached.manager == manager ? cached : readCache();
        return mine.parsed.flatMap(p -> p.select(installed, pending)).<Reading<List<Advisory>>>map(Reading::of).orElseGet(this::fromDnf);
    }

    /** dnf's cached updateinfo as read ahead. */
    public static final class Cached {
        private final PackageManager manager;
        private final Optional<RepodataAdvisories.Parsed> parsed;

        private Cached(PackageManager manager, Optional<RepodataAdvisories.Parsed> parsed) {
            this.manager = manager;
            this.parsed = parsed;
        }
    }

    /** What dnf itself prints. */
    public Reading<List<Advisory>> fromDnf() {
        if (manager == PackageManager.RPM_OSTREE || !target.hasRpmDatabase()) {
            return Reading.of(List.of());
        }
        try {
            if (manager == PackageManager.DNF4) {
                String byAdvisory = run(List.of("updateinfo", "list", "--updates"));
                String info = run(List.of("updateinfo", "info", "--updates"));
                return Reading.of(AdvisoryParser.dnf4Lists(byAdvisory, info));
            }
            return Reading.of(AdvisoryParser.dnf5Info(run(List.of("advisory", "info", "--json", "--updates"))));
        } catch (Failed e) {
            return Reading.unavailable(e.source, e.getMessage());
        } catch (RuntimeException e) {
            return Reading.unavailable(source(), Text.of("reading.answerUnreadable", String.valueOf(e.getMessage())));
        }
    }

    private String source() {
        return (manager == PackageManager.DNF4 ? "dnf-3 updateinfo" : "dnf5 advisory");
    }

    private String run(List<String> args) throws Failed {
        List<String> command = target.dnfQuery(manager, args);
        try {
            CommandResult r = target.runner().run(command, TIMEOUT);
            if (r.exitCode() != 0) {
                throw new Failed(source(), r.errorLine());
            }
            return r.stdout();
        } catch (CommandFailedException e) {
            throw new Failed(source(), e.getMessage());
        }
    }

    private static final class Failed extends Exception {
        private final String source;

        Failed(String source, String message) {
            super(message);
            this.source = source;
        }
    }
}
