package org.fedoraproject.preflight.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.rpm.Evr;

/**
 * A feed checked against what a repository really has (FEED-FORMAT.md, "Source packages"):
 * names that exist there neither as a package nor as a source package, a source package's name
 * written as a binary's, ranges that none of the repository's versions fall in, and ranges
 * written without the epoch the package has. What a publisher gets wrong most, and what would
 * otherwise make Preflight say nothing.
 */
public final class RepoLint {

    /** One package of the repository: name, version, arch, and its source package's name. */
    public record RepoPackage(String name, Evr evr, String arch, String source) {
        public RepoPackage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(evr, "evr");
            Objects.requireNonNull(arch, "arch");
            Objects.requireNonNull(source, "source");
        }
    }

    private RepoLint() {
    }

    public static List<FeedProblem> check(List<Incident> incidents, List<RepoPackage> repo) {
        Map<String, List<RepoPackage>> byName = new TreeMap<>();
        Map<String, Set<String>> binariesOf = new TreeMap<>();
        for (RepoPackage p : repo) {
            byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p);
            if (!p.source().isEmpty()) {
                binariesOf.computeIfAbsent(p.source(), s -> new TreeSet<>()).add(p.name());
            }
        }
        List<FeedProblem> problems = new ArrayList<>();
        for (Incident incident : incidents) {
            for (AffectedPackage a : incident.affected()) {
                String path = "incidents[" + incident.id() + "].affected[" + a.name() + "]";
                List<RepoPackage> versions = new ArrayList<>(byName.getOrDefault(a.name(), List.of()));
                if (a.source().isPresent()) {
                    if (!binariesOf.containsKey(a.source().get())) {
                        problems.add(new FeedProblem(path + ".source", "the repository has no package built from source "
                                + a.source().get()));
                    }
                    binariesOf.getOrDefault(a.source().get(), Set.of()).forEach(b -> versions.addAll(byName.get(b)));
                } else if (versions.isEmpty() && binariesOf.containsKey(a.name())) {
                    problems.add(new FeedProblem(path + ".name", a.name() + " is a source package in the repository (it builds "
                            + String.join(", ", binariesOf.get(a.name())) + "), not a package users install: write \"source\": \""
                            + a.name() + "\" and one of those as the name"));
                    binariesOf.get(a.name()).forEach(b -> versions.addAll(byName.get(b)));
                } else if (versions.isEmpty()) {
                    problems.add(new FeedProblem(path + ".name", "the repository has no package and no source package named "
                            + a.name()));
                    continue;
                }
                Set<Long> epochs = versions.stream().map(p -> p.evr().epoch()).collect(Collectors.toCollection(TreeSet::new));
                Set<Long> rangeEpochs = new TreeSet<>(List.of(a.introduced().epoch()));
                a.fixed().ifPresent(f -> rangeEpochs.add(f.epoch()));
                if (!epochs.isEmpty() && epochs.stream().noneMatch(rangeEpochs::contains)) {
                    problems.add(new FeedProblem(path + ".introduced", a.name() + " has epoch " + epochs.iterator().next()
                            + " in the repository, the range " + rangeEpochs.iterator().next() + ": write the epoch ("
                            + epochs.iterator().next() + ":" + a.introduced().version()
                            + (a.introduced().release().isEmpty() ? "" : "-" + a.introduced().release()) + ")"));
                } else if (!versions.isEmpty() && versions.stream().noneMatch(p -> a.range().contains(p.evr()))) {
                    problems.add(new FeedProblem(path, "none of the repository's versions of " + a.name() + " is in the range "
                            + a.range() + " (it has " + versions.stream().map(p -> p.evr().toString()).distinct().sorted()
                            .collect(Collectors.joining(", ")) + ")"));
                }
            }
        }
        return problems;
    }
}
