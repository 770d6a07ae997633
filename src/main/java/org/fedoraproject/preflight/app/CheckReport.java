package org.fedoraproject.preflight.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.adapter.feed.FeedFetcher;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.guide.DnfCommand;
import org.fedoraproject.preflight.guide.HoldAdvice;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.incident.IncidentCatalog;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PackageKitView;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.StagedDeployment;
import org.fedoraproject.preflight.machine.SystemSnapshot;
import org.fedoraproject.preflight.machine.UpdateSets;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.ReleaseOutlook;
import org.fedoraproject.preflight.signal.SignalJudge;
import org.fedoraproject.preflight.signal.Signals;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Problem;
import org.fedoraproject.preflight.text.Text;

/**
 * What a check found: the system as read, each feed's state, the assessment, and the reasons the
 * check is incomplete ({@code cannotCheck}: not Fedora, no feed, no list of pending updates …).
 * An incomplete check still carries what could be assessed. {@code commandRoot}: the install
 * root that prepared commands name (a checked {@code --root}), empty for this machine.
 */
public record CheckReport(SystemSnapshot system, String arch, List<FeedStatus> feeds, Assessment assessment,
                          List<HoldAdvice> holds, List<Text> cannotCheck, List<Text> warnings, Instant at,
                          Signals signals, Optional<String> commandRoot, PackageKitView packageKit, UpdateSets updateSets) {

    public CheckReport {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(arch, "arch");
        feeds = List.copyOf(feeds);
        Objects.requireNonNull(assessment, "assessment");
        holds = List.copyOf(holds);
        cannotCheck = List.copyOf(cannotCheck);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(commandRoot, "commandRoot");
        Objects.requireNonNull(packageKit, "packageKit");
        Objects.requireNonNull(updateSets, "updateSets");
    }

    /**
     * The updates of the offline update PackageKit prepared (GNOME Software's "Restart &amp;
     * Update") that are on hold: they install at the next restart unless it is cancelled.
     */
    public List<Nevra> preparedHeld() {
        Set<Nevra> held = assessment.updates().stream()
                .filter(u -> u.verdict() == UpdateVerdict.HOLD)
                .map(u -> u.update().nevra()).collect(Collectors.toSet());
        return packageKit.prepared().stream().filter(held::contains).toList();
    }

    /** The way out of a prepared offline update, for the user to run (it asks polkit). */
    public static final List<String> CANCEL_PREPARED = PackageKitView.CANCEL;

    /** The command that cancels what is prepared: PackageKit's offline update, or an Atomic desktop's staged deployment. */
    public List<String> cancelPrepared() {
        return packageKit.via().equals(StagedDeployment.VIA)
                ? StagedDeployment.CANCEL : CANCEL_PREPARED;
    }

    /** Whether what is prepared is an Atomic desktop's staged deployment (not GNOME Software's offline update). */
    public boolean preparedIsStagedDeployment() {
        return packageKit.via().equals(StagedDeployment.VIA);
    }

    /**
     * The command that installs the pending updates with no known problem, when some are on hold
     * and the system updates package by package (on an Atomic desktop an update is one image). It
     * leaves out the held updates and those to take care with: "the rest has no known problem"
     * must be true of what the command installs.
     */
    public Optional<ShellCommand> upgradeTheRest() {
        Set<String> held = assessment.heldUpdates();
        Optional<PackageManager> manager = system.manager().get();
        if (held.isEmpty() || manager.isEmpty() || manager.get() == PackageManager.RPM_OSTREE) {
            return Optional.empty();
        }
        return Optional.of(DnfCommand.upgradeExcept(manager.get(), commandRoot,
                assessment.updatesWithAProblem()));
    }

    public boolean complete() {
        return cannotCheck.isEmpty();
    }

    /**
     * The sources asked that gave nothing, not even a kept answer: a verdict was reached without
     * them, so it says only what the others tell (README, "What the verdict rests on"). Each
     * names the source and what that leaves unchecked, in the user's words ("known bugs were not
     * checked").
     */
    public List<Problem> notChecked() {
        List<Problem> missing = new ArrayList<>();
        feeds.stream().filter(f -> f.feed().isEmpty()).forEach(f -> missing.add(new Problem(f.url(), Text.of("notChecked.feed"))));
        packageKit.preparedUnreadable().ifPresent(why -> missing.add(new Problem("PackageKit", Text.of("notChecked.prepared", why))));
        for (SourceState s : signals.sources()) {
            if (s.state() == SourceState.State.FAILED) {
                missing.add(new Problem(s.source(), Text.of(switch (s.source()) {
                    case SourceState.BODHI -> "notChecked.bodhi";
                    case SourceState.BUGZILLA -> "notChecked.bugzilla";
                    case SourceState.COMMON_ISSUES -> "notChecked.commonIssues";
                    default -> "notChecked.updateinfo";
                })));
            }
        }
        return missing;
    }

    /**
     * Whether the machine seems offline: some feed or source could not be reached at all (its
     * host not found, or nothing listening), and nothing on the network answered this check.
     */
    public boolean offline() {
        List<FeedStatus> network = feeds.stream().filter(f -> f.url().startsWith("http")).toList();
        boolean feedAnswered = network.stream().anyMatch(f -> f.feed().isPresent() && f.problem().isEmpty() && !f.fromCache());
        boolean sourceAnswered = signals.sources().stream().anyMatch(s -> s.state() == SourceState.State.ANSWERED
                && !s.source().equals(SourceState.UPDATEINFO));
        boolean unreachable = network.stream().anyMatch(f -> f.problem().map(Problem::what).filter(FeedFetcher::unreachable).isPresent())
                || signals.sources().stream().anyMatch(SourceState::unreachable);
        return unreachable && !feedAnswered && !sourceAnswered;
    }

    /** A verdict reached, but without some of the sources asked: never to be read as a full check. */
    public boolean partial() {
        return complete() && !notChecked().isEmpty();
    }

    /** The sources the verdict does rest on: each feed read (or kept) and each of Fedora's sources that answered (or was kept). */
    public List<String> toldBy() {
        List<String> told = new ArrayList<>();
        feeds.stream().filter(f -> f.feed().isPresent()).forEach(f -> told.add(f.url()));
        signals.sources().stream().filter(s -> s.counts() && !s.source().equals(SourceState.UPDATEINFO))
                .forEach(s -> told.add(s.source()));
        return told;
    }

    /** "Safe as far as Bodhi, Common Issues tell": the title of a partial check's safe verdict. */
    public Text partialSafeTitle(String key) {
        return Text.of(key, toldBy().stream().map(s -> s.contains("://") ? (Object) Text.of("cli.check.theFeed", s) : s).toList());
    }

    /** "Not checked: Bugzilla could not be read, so known bugs were not checked." */
    public Text notCheckedSentence(String key) {
        return Text.of(key, notChecked().stream().map(n -> Text.of("cli.check.notCheckedItem", n.source(), n.what())).toList());
    }

    /**
     * The verdict a script acts on (the exit code): a safe verdict of a partial check is a
     * caution, since what was not checked may hold a problem.
     */
    public Verdict verdictToActOn() {
        Verdict v = assessment.verdict();
        return v == Verdict.SAFE && partial() ? Verdict.CAUTION : v;
    }

    /** Every feed's incidents, merged by id (the first feed's copy wins, the others are named). */
    public static List<SourcedIncident> merge(List<FeedStatus> statuses) {
        List<IncidentCatalog.Published> published = new ArrayList<>();
        for (FeedStatus s : statuses) {
            s.feed().ifPresent(f -> published.add(new IncidentCatalog.Published(s.url(), f)));
        }
        return IncidentCatalog.merge(published);
    }

    /**
     * The feeds' incidents for this system's release, edition and architecture that do not
     * concern it (no affected version installed or pending), newest first.
     */
    public List<SourcedIncident> otherIncidentsForThisSystem() {
        Set<String> concerning = assessment.incidents().stream().map(IncidentAssessment::id).collect(Collectors.toSet());
        String release = system.os().get().map(OsRelease::versionId).orElse("");
        String variant = system.os().get().map(OsRelease::variantId).orElse("");
        return merge(feeds).stream()
                .filter(s -> !concerning.contains(s.incident().id()) && s.incident().appliesTo(release, variant, arch))
                .sorted(Comparator.comparing((SourcedIncident s) -> s.incident().modified()).reversed())
                .toList();
    }

    /**
     * For each Common Issues topic, the installed or pending packages its title names: loose
     * matches (an empty list for a topic that names none). Computed anew on each call: call once.
     */
    public Map<CommonIssue, List<String>> looselyNamed() {
        Set<String> names = new HashSet<>();
        system.installed().get().ifPresent(list -> list.forEach(p -> names.add(p.nevra().name().toLowerCase(Locale.ROOT))));
        assessment.updates().forEach(u -> names.add(u.update().nevra().name().toLowerCase(Locale.ROOT)));
        Map<CommonIssue, List<String>> named = new LinkedHashMap<>();
        signals.commonIssues().forEach(i -> named.put(i, new ArrayList<>()));
        SignalJudge.looseMatches(signals.commonIssues(), names)
                .forEach(m -> named.get(m.issue()).add(m.packageName()));
        return named;
    }

    /** Whether this release still gets fixes and whether a newer one is out (os-release and Bodhi). */
    public Optional<ReleaseOutlook> release() {
        return system.os().get().filter(OsRelease::isFedora).flatMap(os -> ReleaseOutlook.of(
                os.versionId(), os.supportEndDate(), signals.releases(), at.atZone(ZoneOffset.UTC).toLocalDate()));
    }

    /** When dnf last downloaded metadata, when that is more than a day before the check: worth a refresh. */
    public Optional<Instant> oldMetadata() {
        return metadataTime().filter(t -> t.isBefore(at.minus(Duration.ofHours(24))));
    }

    /** When dnf last downloaded metadata, if known. */
    public Optional<Instant> metadataTime() {
        return system.pending().get().flatMap(p -> p.metadataTime());
    }
}
