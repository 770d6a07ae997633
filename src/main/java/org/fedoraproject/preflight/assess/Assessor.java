package org.fedoraproject.preflight.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.machine.InstalledPackage;
import org.fedoraproject.preflight.machine.PendingUpdate;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * Decides, for every pending update, whether it is safe, and for every incident whether and how
 * it concerns this system (docs/ARCHITECTURE.md, "Contracts", and FEED-FORMAT.md). Everything is looked up
 * by package name in maps built once, so the cost grows with the number of packages and
 * incidents, not with their product.
 */
public final class Assessor {

    private Assessor() {
    }

    /** An incident's range for one package name. */
    private record Entry(SourcedIncident incident, AffectedPackage range) {
    }

    public static Assessment assess(SystemFacts system, List<SourcedIncident> incidents) {
        Map<String, List<Entry>> rangesByName = new HashMap<>();
        List<SourcedIncident> applicable = new ArrayList<>();
        for (SourcedIncident si : incidents) {
            Incident i = si.incident();
            // Only the release filters here: the edition and arch scope narrows who is at risk,
            // never whether an installed version in the range is seen (per package, below).
            if (i.forRelease(system.release())) {
                applicable.add(si);
                for (AffectedPackage a : i.affected()) {
                    rangesByName.computeIfAbsent(a.name(), n -> new ArrayList<>()).add(new Entry(si, a));
                }
            }
        }
        Map<String, List<InstalledPackage>> installedByName = new HashMap<>();
        system.installed().forEach(p -> installedByName.computeIfAbsent(p.nevra().name(), n -> new ArrayList<>()).add(p));
        Map<String, List<PendingUpdate>> pendingByName = new HashMap<>();
        Map<Nevra, PendingUpdate> obsoletedBy = new HashMap<>();
        for (PendingUpdate u : system.pending()) {
            pendingByName.computeIfAbsent(u.nevra().name(), n -> new ArrayList<>()).add(u);
            u.obsoletes().forEach(old -> obsoletedBy.put(old, u));
        }

        List<IncidentAssessment> concerning = new ArrayList<>();
        Set<Nevra> needSince = new HashSet<>();
        List<PartialIncident> partials = new ArrayList<>();
        for (SourcedIncident si : applicable) {
            PartialIncident partial = incident(si, system, installedByName, pendingByName, obsoletedBy, rangesByName);
            if (partial != null) {
                partial.affected.forEach(p -> needSince.add(p.installed().nevra()));
                partials.add(partial);
            }
        }
        Map<Nevra, Since> since = needSince.isEmpty() ? Map.of() : system.since().find(needSince);
        for (PartialIncident p : partials) {
            concerning.add(p.complete(since));
        }
        concerning.sort(Comparator.comparing((IncidentAssessment a) -> a.relation().ordinal())
                .thenComparing(a -> a.incident().incident().severity().ordinal()));

        List<UpdateAssessment> updates = new ArrayList<>();
        for (PendingUpdate u : system.pending()) {
            updates.add(update(u, system, installedByName, rangesByName));
        }
        updates.sort(Comparator.comparing((UpdateAssessment a) -> -a.verdict().ordinal())
                .thenComparing(a -> a.update().nevra()));

        Verdict verdict = Verdict.SAFE;
        if (updates.stream().anyMatch(u -> u.verdict() == UpdateVerdict.HOLD)) {
            verdict = Verdict.HOLD;
        } else if (updates.stream().anyMatch(u -> u.verdict() == UpdateVerdict.CAUTION)
                || concerning.stream().anyMatch(i -> i.relation() == Relation.AFFECTED || i.relation() == Relation.REPORTED)) {
            verdict = Verdict.CAUTION;
        }
        return new Assessment(verdict, updates, concerning);
    }

    /** An incident's relation before the "since when" is looked up for all incidents at once. */
    private record PartialIncident(SourcedIncident incident, Relation relation, List<Affected> affected,
                                   List<PendingUpdate> risky, List<PendingUpdate> fixing, List<InstalledPackage> reported,
                                   List<String> evidence) {
        IncidentAssessment complete(Map<Nevra, Since> since) {
            List<AffectedInstall> installs = new ArrayList<>();
            List<String> words = new ArrayList<>(evidence);
            for (Affected a : affected) {
                Since s = since.getOrDefault(a.installed.nevra(), Since.installedAt(a.installed.installTime()));
                installs.add(new AffectedInstall(a.installed, a.range, s));
                if (s.fromHistory() && a.range.range().introducedKnown()) {
                    words.add(a.installed.nevra().name() + " " + a.installed.nevra().evr() + " came with " + s.source()
                            + " transaction " + s.transaction() + " on " + s.date()
                            + (s.replaced().isEmpty() ? "" : ", replacing " + s.replaced().get(0).evr()));
                }
            }
            return new IncidentAssessment(incident, relation, installs, risky, fixing, reported, words);
        }
    }

    private record Affected(InstalledPackage installed, AffectedPackage range) {
    }

    private static PartialIncident incident(SourcedIncident si, SystemFacts system,
                                            Map<String, List<InstalledPackage>> installedByName,
                                            Map<String, List<PendingUpdate>> pendingByName,
                                            Map<Nevra, PendingUpdate> obsoletedBy, Map<String, List<Entry>> rangesByName) {
        Incident incident = si.incident();
        List<Affected> affected = new ArrayList<>();
        List<Affected> notInUse = new ArrayList<>();
        Set<PendingUpdate> risky = new LinkedHashSet<>();
        Set<PendingUpdate> fixing = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        boolean allFixed = true;
        boolean reported = false;
        List<InstalledPackage> reportedInstalls = new ArrayList<>();
        for (AffectedPackage range : incident.affected()) {
            List<InstalledPackage> versions = installedByName.getOrDefault(range.name(), List.of());
            boolean installonly = system.boot().isInstallonly(range.name());
            List<InstalledPackage> inUse = installonly ? InUse.of(versions, system.boot()) : versions;
            for (InstalledPackage installed : versions) {
                if (!range.range().contains(installed.nevra().evr())) {
                    continue;
                }
                if (!range.range().introducedKnown()) {
                    // Nobody said which versions: a pending update past the fix is still worth
                    // taking, but the installed version is not called affected.
                    Optional<PendingUpdate> fix = fixFor(installed, range, pendingByName, obsoletedBy, rangesByName, incident);
                    if (fix.isPresent() && inUse.contains(installed)) {
                        fixing.add(fix.get());
                        affected.add(new Affected(installed, range));
                        evidence.add(reportedFor(installed.nevra().name(), installed.nevra().evr(), incident, range, "is installed")
                                + "; " + fix.get().nevra().name() + " " + fix.get().nevra().evr() + " (pending) is past the fix");
                    } else if (inUse.contains(installed)) {
                        reported = true;
                        reportedInstalls.add(installed);
                        evidence.add(reportedFor(installed.nevra().name(), installed.nevra().evr(), incident, range, "is installed"));
                    }
                    continue;
                }
                if (!inUse.contains(installed)) {
                    notInUse.add(new Affected(installed, range));
                    evidence.add(inRange(range.name(), installed.nevra().evr(), incident, range, "is installed and")
                            + ", but it is an older installonly version kept beside "
                            + inUse.stream().map(p -> p.nevra().evr() + " (" + InUse.role(p, system.boot()).orElse("the newest")
                                    + ")").collect(Collectors.joining(", ")) + ": not in use");
                    continue;
                }
                affected.add(new Affected(installed, range));
                evidence.add(inRange(range.name(), installed.nevra().evr(), incident, range, "is installed and")
                        + (installonly ? InUse.role(installed, system.boot()).map(r -> "; it " + r).orElse("; it is the newest") : ""));
                if (installonly) {
                    rebootInto(installed, range, versions, system).ifPresent(evidence::add);
                }
                if (!incident.inScope(system.variant(), installed.nevra().arch(), system.arch())) {
                    evidence.add(installed.nevra().name() + "." + installed.nevra().arch() + " is outside the incident's scope ("
                            + scope(incident) + "), but the installed version is in the range: it is shown, not hidden");
                }
                Optional<PendingUpdate> fix = fixFor(installed, range, pendingByName, obsoletedBy, rangesByName, incident);
                if (fix.isPresent()) {
                    fixing.add(fix.get());
                    evidence.add(fix.get().nevra().name() + " " + fix.get().nevra().evr() + " (pending) "
                            + (fix.get().nevra().name().equals(range.name()) ? "leaves the affected range" : "replaces it"));
                } else {
                    allFixed = false;
                }
            }
            for (PendingUpdate u : pendingByName.getOrDefault(range.name(), List.of())) {
                if (range.range().contains(u.nevra().evr()) && incident.inScope(system.variant(), u.nevra().arch(), system.arch())) {
                    risky.add(u);
                    reported |= !range.range().introducedKnown();
                    evidence.add(range.range().introducedKnown() ? inRange(range.name(), u.nevra().evr(), incident, range, "(pending) is")
                            : reportedFor(range.name(), u.nevra().evr(), incident, range, "(pending) is"));
                }
            }
        }
        Relation relation;
        if (!affected.isEmpty() && !allFixed) {
            relation = Relation.AFFECTED;
        } else if (reported) {
            // What is known to be affected (nothing, or only what pending updates fix) does not
            // outweigh a problem reported with no versions: the caution stands.
            relation = Relation.REPORTED;
            affected = affected.stream().filter(a -> a.range.range().introducedKnown()).toList();
        } else if (!affected.isEmpty()) {
            relation = Relation.FIX_AVAILABLE;
        } else if (!risky.isEmpty()) {
            relation = Relation.AT_RISK;
            affected = notInUse; // older kernels in the range, kept beside: the guide removes them too
        } else if (!notInUse.isEmpty()) {
            relation = Relation.NOT_IN_USE;
            affected = notInUse;
        } else {
            return null;
        }
        return new PartialIncident(si, relation, affected, List.copyOf(risky), List.copyOf(fixing),
                relation == Relation.REPORTED ? reportedInstalls : List.of(), evidence);
    }

    /** The running kernel is affected, but a fixed one is installed and boots by default: a reboot is the fix. */
    private static Optional<String> rebootInto(InstalledPackage installed, AffectedPackage range, List<InstalledPackage> versions,
                                               SystemFacts system) {
        boolean runningOnly = InUse.role(installed, system.boot()).filter("is running"::equals).isPresent();
        if (!runningOnly) {
            return Optional.empty();
        }
        return versions.stream().filter(p -> !range.range().contains(p.nevra().evr()) && InUse.role(p, system.boot()).isPresent())
                .findFirst().map(p -> p.nevra().name() + " " + p.nevra().evr() + " is installed, not affected, and boots by default:"
                        + " reboot into it");
    }

    /**
     * The pending update that takes an installed affected package out of the range: a newer
     * version of it outside every range of this incident, or a package that obsoletes it.
     */
    private static Optional<PendingUpdate> fixFor(InstalledPackage installed, AffectedPackage range,
                                                  Map<String, List<PendingUpdate>> pendingByName,
                                                  Map<Nevra, PendingUpdate> obsoletedBy,
                                                  Map<String, List<Entry>> rangesByName, Incident incident) {
        for (PendingUpdate u : pendingByName.getOrDefault(range.name(), List.of())) {
            if (u.nevra().arch().equals(installed.nevra().arch()) || u.nevra().arch().equals("noarch")
                    || installed.nevra().arch().equals("noarch")) {
                if (!range.range().contains(u.nevra().evr()) && u.nevra().evr().isNewerThan(installed.nevra().evr())) {
                    return Optional.of(u);
                }
            }
        }
        PendingUpdate replacement = obsoletedBy.get(installed.nevra());
        if (replacement != null && rangesByName.getOrDefault(replacement.nevra().name(), List.of()).stream()
                .noneMatch(e -> e.incident.incident() == incident && e.range.range().contains(replacement.nevra().evr()))) {
            return Optional.of(replacement);
        }
        return Optional.empty();
    }

    private static UpdateAssessment update(PendingUpdate u, SystemFacts system, Map<String, List<InstalledPackage>> installedByName,
                                           Map<String, List<Entry>> rangesByName) {
        Optional<Evr> from = installedByName.getOrDefault(u.nevra().name(), List.of()).stream()
                .filter(p -> p.nevra().arch().equals(u.nevra().arch()))
                .map(p -> p.nevra().evr())
                .max(Comparator.naturalOrder());
        Optional<Evr> current = affectedNow(u, system, installedByName);
        UpdateVerdict verdict = UpdateVerdict.OK;
        Set<String> ids = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        for (Entry e : rangesByName.getOrDefault(u.nevra().name(), List.of())) {
            Incident incident = e.incident.incident();
            boolean inRange = e.range.range().contains(u.nevra().evr());
            // From a version in a known range to another in the same range: the system has the
            // problem either way, and holding protects from nothing (and splits a multilib pair).
            boolean staysIn = inRange && e.range.range().introducedKnown() && current.filter(e.range.range()::contains).isPresent();
            if (inRange && incident.inScope(system.variant(), u.nevra().arch(), system.arch())) {
                verdict = verdict.worst(incident.severity().holds() && !staysIn ? UpdateVerdict.HOLD : UpdateVerdict.CAUTION);
                ids.add(incident.id());
                evidence.add(inRange(u.nevra().name(), u.nevra().evr(), incident, e.range, "is")
                        + (staysIn ? "; the installed " + current.get() + " is too: this system stays affected after this update,"
                                + " so there is nothing to hold it for" : ""));
            } else if (inRange) {
                evidence.add(inRange(u.nevra().name(), u.nevra().evr(), incident, e.range, "is")
                        + ", but " + u.nevra().name() + "." + u.nevra().arch() + " on this system is outside its scope ("
                        + scope(incident) + ")");
            } else if (from.isPresent() && e.range.range().contains(from.get())) {
                ids.add(incident.id());
                evidence.add(u.nevra().name() + " " + u.nevra().evr() + " takes this system out of the affected range of "
                        + incident.id() + " (" + e.range.range() + ")");
            }
        }
        return new UpdateAssessment(u, from, verdict, List.copyOf(ids), evidence);
    }

    /**
     * The installed version an update replaces, as far as the system has it now: the same arch's
     * newest, or for an installonly package (a kernel, installed beside the others) the one that
     * boots by default (InUse: else the running one, else the newest).
     */
    private static Optional<Evr> affectedNow(PendingUpdate u, SystemFacts system, Map<String, List<InstalledPackage>> installedByName) {
        List<InstalledPackage> versions = installedByName.getOrDefault(u.nevra().name(), List.of()).stream()
                .filter(p -> p.nevra().arch().equals(u.nevra().arch())).toList();
        if (system.boot().isInstallonly(u.nevra().name())) {
            List<InstalledPackage> inUse = InUse.of(versions, system.boot());
            Optional<InstalledPackage> byDefault = inUse.stream().filter(p -> InUse.role(p, system.boot())
                    .filter(r -> r.contains("boots by default")).isPresent()).findFirst();
            return byDefault.or(() -> inUse.stream().max(Comparator.comparing((InstalledPackage p) -> p.nevra().evr())))
                    .map(p -> p.nevra().evr());
        }
        return versions.stream().map(p -> p.nevra().evr()).max(Comparator.naturalOrder());
    }

    private static String scope(Incident incident) {
        List<String> parts = new ArrayList<>();
        if (!incident.variants().isEmpty()) {
            parts.add("editions " + String.join(", ", incident.variants()));
        }
        if (!incident.arches().isEmpty()) {
            parts.add("arches " + String.join(", ", incident.arches()));
        }
        return String.join("; ", parts);
    }

    /** The words for a version that a problem with no known range is reported for. */
    static String reportedFor(String name, Evr evr, Incident incident, AffectedPackage range, String verb) {
        return name + " " + evr + " " + verb + "; " + incident.id() + " reports a known problem in " + name + ", " + range.range()
                + " (" + incident.severity().id() + ", " + incident.status().id() + ")";
    }

    static String inRange(String name, Evr evr, Incident incident, AffectedPackage range, String verb) {
        return name + " " + evr + " " + verb + " in the affected range of " + incident.id() + ": " + range.range()
                + " (" + incident.severity().id() + ", " + incident.status().id() + ")";
    }
}
