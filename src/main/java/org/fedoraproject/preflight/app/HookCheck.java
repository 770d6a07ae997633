package org.fedoraproject.preflight.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fedoraproject.preflight.adapter.feed.FeedRepository;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.adapter.files.KeptFeeds;
import org.fedoraproject.preflight.adapter.files.XdgDirs;
import org.fedoraproject.preflight.assess.Assessment;
import org.fedoraproject.preflight.assess.Assessor;
import org.fedoraproject.preflight.assess.SinceLookup;
import org.fedoraproject.preflight.assess.SystemFacts;
import org.fedoraproject.preflight.assess.UpdateAssessment;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.OsRelease;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.rpm.Nevra;
import org.fedoraproject.preflight.text.Problem;
import org.fedoraproject.preflight.text.Text;

/**
 * Use case of the dnf hook: would this transaction install a version in the affected range of
 * an open incident? Only kept feeds are read — the hook answers within the transaction, and a
 * download could make dnf wait — and only open incidents count.
 */
public final class HookCheck {

    /** One incoming package in an open incident's range; {@code stops} for critical and major ones. */
    public record Finding(Nevra nevra, Incident incident, boolean stops) {
    }

    /** What the hook found; {@code noFeed} when no feed is kept (nothing to check against). */
    public record Result(List<Finding> findings, List<Text> problems, boolean noFeed) {
        public boolean stops() {
            return findings.stream().anyMatch(Finding::stops);
        }
    }

    private final KeptFeeds kept;
    private final Function<Path, Reading<OsRelease>> osOf;

    public HookCheck(KeptFeeds kept, Function<Path, Reading<OsRelease>> osOf) {
        this.kept = kept;
        this.osOf = osOf;
    }

    public Result check(XdgDirs dirs, Path root, List<Nevra> incoming) {
        List<Text> problems = new ArrayList<>();
        List<FeedStatus> statuses = kept.read(dirs, problems);
        if (statuses.stream().allMatch(s -> s.feed().isEmpty())) {
            // None kept at all, or kept but unusable (damaged, no longer trusted, replaced): said apart.
            statuses.stream().flatMap(s -> s.problem().stream()).map(Problem::what).filter(e -> !e.equals(FeedRepository.NONE_KEPT))
                    .forEach(e -> problems.add(Text.of("hook.problem.unusable", e)));
            return new Result(List.of(), problems, true);
        }
        for (FeedStatus s : statuses) {
            if (s.stale() && s.feed().isPresent()) {
                problems.add(Text.of("hook.problem.expired", s.feed().get().expires().toString().substring(0, 10), "preflight check"));
            }
        }
        List<SourcedIncident> open = CheckReport.merge(statuses).stream()
                .filter(s -> s.incident().status().isOpen()).toList();
        Optional<OsRelease> os = osOf.apply(root).get();
        String arch = incoming.stream().map(Nevra::arch).filter(a -> !a.equals("noarch")).findFirst().orElse("noarch");
        List<PendingUpdate> pending = incoming.stream().map(n -> new PendingUpdate(n, "", List.of())).toList();
        SystemFacts facts = new SystemFacts(os.map(OsRelease::versionId).orElse(""), os.map(OsRelease::variantId).orElse(""),
                arch, List.of(), pending, SinceLookup.NONE);
        Assessment assessment = Assessor.assess(facts, open);
        List<Finding> findings = new ArrayList<>();
        for (UpdateAssessment u : assessment.updates()) {
            if (u.verdict() == UpdateVerdict.OK) {
                continue;
            }
            for (String id : u.incidents()) {
                open.stream().filter(s -> s.incident().id().equals(id)).findFirst().ifPresent(s -> findings.add(
                        new Finding(u.update().nevra(), s.incident(), s.incident().severity().holds())));
            }
        }
        return new Result(findings, problems, false);
    }
}
