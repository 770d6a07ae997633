package org.fedoraproject.preflight.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.adapter.files.KeptFeeds;
import org.fedoraproject.preflight.adapter.files.XdgDirs;
import org.fedoraproject.preflight.guide.DnfCommand;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.health.Evidence;
import org.fedoraproject.preflight.health.HealthAnalysis;
import org.fedoraproject.preflight.health.HealthReport;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.health.UnitFailure;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.machine.History;
import org.fedoraproject.preflight.machine.HistorySource;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.text.Text;

/**
 * Use case: did a recent transaction break something here? The machine's journal (crashes,
 * failed units, boots) beside its transaction history, and the known incidents of the kept
 * feeds; for each suspect the way back and a prepared report, shown, never sent.
 */
public final class HealthService {

    /**
     * A suspect with what to do about it: the commands back to the versions before (and whether
     * the system shows them done: every installed binary of the package at the version before),
     * and the report to file.
     */
    public record Lead(Suspect suspect, List<ShellCommand> goBack, boolean wentBack, String bugzillaUrl, String bodhiUrl,
                       String description) {
        public Lead {
            goBack = List.copyOf(goBack);
        }
    }

    /**
     * What the machine's records say, greenboot's verdict on the last boot where there is one,
     * and what could not be read.
     */
    public record Result(HealthReport report, List<Lead> leads, Optional<String> bootStatus, List<Text> problems) {
        public Result {
            leads = List.copyOf(leads);
            problems = List.copyOf(problems);
        }

        /** greenboot said the health checks failed, or that it fell back to the previous deployment. */
        public boolean bootFailed() {
            return bootStatus.filter(s -> s.contains("RED") || s.contains("FALLBACK BOOT DETECTED")).isPresent();
        }
    }

    /** How many days back the journal is read by default: the window, the check, the background and preflight health. */
    public static final int DEFAULT_DAYS = 30;

    private final Systems systems;
    private final KeptFeeds kept;
    private final XdgDirs dirs;
    private final Clock clock;

    public HealthService(Systems systems, KeptFeeds kept, XdgDirs dirs, Clock clock) {
        this.systems = systems;
        this.kept = kept;
        this.dirs = dirs;
        this.clock = clock;
    }

    public Result health(CheckService.Request request, Optional<Path> journal, int days) {
        return health(request, journal, days, systems.of(request).installed(request.root()));
    }

    /** The same, with the installed packages a check has read already. */
    public Result health(CheckService.Request request, Optional<Path> journal, int days, Reading<List<InstalledPackage>> installed) {
        SystemPort port = systems.of(request);
        Instant now = port.now(clock);
        List<Text> problems = new ArrayList<>();
        History history = port.history(request.root());
        history.problems().forEach(p -> problems.add(Text.of("check.warning.history", p.source(), p.reason())));
        if (installed instanceof Reading.Unavailable<?> u) {
            problems.add(CheckService.unreadable(u));
        }
        Map<String, String> sourceOf = new HashMap<>();
        installed.get().orElse(List.of()).forEach(p -> sourceOf.putIfAbsent(p.nevra().name(),
                p.source().isEmpty() ? p.nevra().name() : p.source()));
        // The time before the first transaction counts too: its crashes are what "before" compares with.
        Reading<Evidence> read = port.journal(request.root(), journal, now.minus(Duration.ofDays(days)).minus(Duration.ofDays(14)));
        if (read instanceof Reading.Unavailable<?> u) {
            problems.add(CheckService.unreadable(u));
        }
        Evidence evidence = withUnitSources(read.get().orElse(Evidence.NONE), port, request.root(), problems);
        if (evidence.scope() == Evidence.Scope.OWN) {
            problems.add(Text.of("health.ownJournalOnly"));
        }
        List<Incident> incidents = new ArrayList<>();
        if (!request.demo()) {
            kept.read(dirs, new ArrayList<>()).stream().flatMap(f -> f.feed().stream()).forEach(f -> incidents.addAll(f.incidents()));
        } else {
            port.ownFeed().flatMap(FeedStatus::feed).ifPresent(f -> incidents.addAll(f.incidents()));
        }
        HealthReport report = HealthAnalysis.analyze(history.transactions(), sourceOf, evidence, incidents, now, days);
        String release = port.os(request.root()).get().filter(OsRelease::isFedora).map(OsRelease::versionId).orElse("");
        List<Lead> leads = new ArrayList<>();
        for (Suspect s : report.suspects()) {
            leads.add(lead(s, installed.get().orElse(List.of()), port.commandRoot(request.root()), release));
        }
        return new Result(report, leads, port.bootStatus(request.root()), problems);
    }

    /** The failed units with the source package of each unit file, so that they count for the transactions that changed it. */
    private static Evidence withUnitSources(Evidence evidence, SystemPort port, Optional<Path> root, List<Text> problems) {
        Set<String> units = evidence.failures().stream().map(UnitFailure::unit).filter(u -> !u.isEmpty()).collect(Collectors.toSet());
        if (units.isEmpty()) {
            return evidence;
        }
        Reading<Map<String, String>> read = port.unitSources(root, units);
        if (read instanceof Reading.Unavailable<?> u) {
            problems.add(CheckService.unreadable(u));
        }
        Map<String, String> sources = read.get().orElse(Map.of());
        return new Evidence(evidence.crashes(), evidence.failures().stream().map(f -> f.withSource(sources.getOrDefault(f.unit(), "")))
                .toList(), evidence.boots(), evidence.scope());
    }

    static Lead lead(Suspect s, List<InstalledPackage> installed, Optional<String> commandRoot, String release) {
        List<String> args = new ArrayList<>(List.of("downgrade"));
        List<InstalledPackage> binaries = installed.stream().filter(p -> p.source().equals(s.source()) || p.nevra().name().equals(s.source()))
                .filter(p -> PackageName.isValid(p.nevra().name()) && PackageName.isValidArch(p.nevra().arch())).toList();
        if (!s.before().isEmpty()) {
            binaries.forEach(p -> args.add(p.nevra().name() + "-" + s.before() + "." + p.nevra().arch()));
        }
        boolean wentBack = !binaries.isEmpty() && binaries.stream()
                .allMatch(p -> p.nevra().evr().versionRelease().equals(s.before()));
        List<ShellCommand> back = new ArrayList<>();
        if (args.size() > 1 && s.transaction().source() != HistorySource.RPM_OSTREE) {
            PackageManager manager = s.transaction().source() == HistorySource.DNF4 ? PackageManager.DNF4 : PackageManager.DNF5;
            back.add(DnfCommand.of(manager, commandRoot, args));
        }
        String description = description(s);
        String summary = s.source() + " " + s.after() + ": " + String.join(", ", names(s.executables())) + " crashes since the update";
        String bugzilla = "https://bugzilla.redhat.com/enter_bug.cgi?product=Fedora&version=" + enc(release.isEmpty() ? "rawhide" : release)
                + "&component=" + enc(s.source()) + "&short_desc=" + enc(summary) + "&comment=" + enc(description);
        String bodhi = "https://bodhi.fedoraproject.org/updates/?builds=" + enc(s.source() + "-" + s.after());
        return new Lead(s, wentBack ? List.of() : back, wentBack, bugzilla, bodhi, description);
    }

    /**
     * The report's text: versions, the transaction, the counts and the executables, and nothing
     * of the person or the machine (no user or host name, no home directory).
     */
    static String description(Suspect s) {
        return "Since " + s.source() + " went from " + (s.before().isEmpty() ? "(not installed)" : s.before()) + " to " + s.after()
                + " (" + s.transaction().source().id() + " transaction " + s.transaction().id() + " on "
                + s.transaction().start().atZone(ZoneOffset.UTC).toLocalDate() + "), these programs crashed " + s.crashesAfter()
                + " times in " + String.format("%.1f", s.daysUpAfter()) + " days of use; in the " + String.format("%.1f", s.daysUpBefore())
                + " days of use before, " + s.crashesBefore() + " times: " + String.join(", ", names(s.executables())) + "."
                + (s.unitFailuresAfter() == 0 ? "" : " Its units failed " + s.unitFailuresAfter() + " times after it and "
                        + s.unitFailuresBefore() + " times before: " + String.join(", ", s.units()) + ".") + "\n\n"
                + "Found by Preflight from the journal's coredump records; the crashing processes had " + s.source() + " "
                + s.after() + " in them (Fedora's package notes).";
    }

    /** Executables as the report may name them: a program under a home directory is not named. */
    static List<String> names(List<String> executables) {
        return executables.stream().map(e -> e.startsWith("/home/") || e.startsWith("/root/") || e.startsWith("/var/home/")
                ? "(a program in a home directory)" : e).distinct().toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
