package org.fedoraproject.preflight.desk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fedoraproject.preflight.adapter.fedora.SignalSources;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.Bug;
import org.fedoraproject.preflight.text.Problem;

/**
 * What Fedora's sources knew about an incident, looked at afterwards: when its bad updates
 * reached stable, when its fix reached testing and stable, and what warned before the stable
 * push (negative karma in testing, bugs filed against its components in the meantime).
 */
public final class Hindsight {

    private final SignalSources sources;

    public Hindsight(SignalSources sources) {
        this.sources = sources;
    }

    /** Fedora's side of a review; a source that does not answer leaves its part unknown and is named in {@code problems}. */
    public Review.Fedora of(DeskIncident incident, boolean offline, List<String> problems) {
        List<String> aliases = Stream.concat(incident.badUpdates().stream(), incident.fixUpdates().stream()).distinct().toList();
        if (aliases.isEmpty()) {
            return Review.Fedora.NONE;
        }
        SignalSources.Read<BodhiUpdate> read = sources.bodhiByAlias(aliases, offline);
        read.problem().map(Problem::english).ifPresent(problems::add);
        List<BodhiUpdate> bad = read.items().stream().filter(u -> incident.badUpdates().contains(u.alias())).toList();
        List<BodhiUpdate> fix = read.items().stream().filter(u -> incident.fixUpdates().contains(u.alias())).toList();
        Optional<Instant> badStable = bad.stream().flatMap(u -> u.stable().stream()).min(Instant::compareTo);
        List<String> signals = new ArrayList<>();
        for (BodhiUpdate u : bad) {
            Instant pushed = u.stable().orElse(Instant.MAX);
            u.negative().stream().filter(c -> c.at().isBefore(pushed)).forEach(c -> signals.add(u.alias() + ": karma " + c.karma()
                    + " from " + c.author() + " on " + day(c.at()) + " while in testing: " + cut(c.text())));
        }
        Optional<Instant> submitted = bad.stream().flatMap(u -> u.submitted().stream()).min(Instant::compareTo);
        List<String> components = incident.affected().stream().map(e -> e.source().isEmpty() ? e.name() : e.source()).distinct().toList();
        if (submitted.isPresent() && badStable.isPresent() && !incident.releases().isEmpty()) {
            for (String release : incident.releases()) {
                SignalSources.Read<Bug> bugs = sources.bugsFiledSince(release, components, submitted.get(), offline);
                bugs.problem().map(Problem::english).ifPresent(problems::add);
                bugs.items().stream().filter(b -> b.created().isBefore(badStable.get())).forEach(b -> signals.add("bug " + b.id()
                        + " (" + b.component() + ") filed on " + day(b.created()) + ", before the stable push: " + cut(b.summary())));
            }
        }
        return new Review.Fedora(badStable, fix.stream().flatMap(u -> u.testingSince().stream()).min(Instant::compareTo),
                fix.stream().flatMap(u -> u.stable().stream()).min(Instant::compareTo), signals);
    }

    private static String day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String cut(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }
}
