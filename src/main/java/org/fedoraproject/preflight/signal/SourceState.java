package org.fedoraproject.preflight.signal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.text.Problem;

/**
 * How one source of incident data stood in a check: it answered, or its answer kept from
 * {@code asOf} was used (offline or on failure), or it failed with nothing kept, or it was off.
 * A verdict rests on the sources that answered or were kept; none is never a silent "safe".
 * {@code unreachable}: it was asked and its host could not be reached at all (not found, or
 * nothing listening), the mark of a machine that is offline.
 */
public record SourceState(String source, State state, Optional<Instant> asOf, Optional<Problem> problem, boolean unreachable) {

    /** The sources by name, as the text, the JSON and the window say them. */
    public static final String BODHI = "Bodhi";
    public static final String BUGZILLA = "Bugzilla";
    public static final String COMMON_ISSUES = "Common Issues";
    /** The repositories' updateinfo, read through dnf: a join key, not incident data itself. */
    public static final String UPDATEINFO = "updateinfo";

    public enum State {
        ANSWERED("answered"), REUSED("reused"), KEPT("kept"), FAILED("failed"), OFF("off");

        private final String id;

        State(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public SourceState {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(problem, "problem");
    }

    public SourceState(String source, State state, Optional<Instant> asOf, Optional<Problem> problem) {
        this(source, state, asOf, problem, false);
    }

    public static SourceState off(String source) {
        return new SourceState(source, State.OFF, Optional.empty(), Optional.empty());
    }

    /**
     * Whether the verdict may rest on it: it answered now, its kept answer was still fresh
     * ({@code REUSED}: not asked again), or an answer kept from before was used after a failure.
     */
    public boolean counts() {
        return state == State.ANSWERED || state == State.REUSED || state == State.KEPT;
    }

    /**
     * One source's state over several reads (those that asked nothing are left out): failed if
     * none answered, kept if any part was kept or missing.
     */
    public static SourceState combined(String source, List<SourceState> all) {
        List<SourceState> parts = all.stream().filter(p -> p.state() != State.OFF).toList();
        if (parts.isEmpty()) {
            return new SourceState(source, State.ANSWERED, Optional.empty(), Optional.empty());
        }
        Optional<Problem> problem = parts.stream().flatMap(p -> p.problem().stream()).findFirst();
        boolean anyCounts = parts.stream().anyMatch(SourceState::counts);
        boolean allAnswered = parts.stream().allMatch(p -> p.state() == State.ANSWERED || p.state() == State.REUSED);
        boolean anyReused = parts.stream().anyMatch(p -> p.state() == State.REUSED);
        Optional<Instant> asOf = parts.stream().flatMap(p -> p.asOf().stream()).min(Comparator.naturalOrder());
        SourceState.State state = allAnswered ? (anyReused ? State.REUSED : State.ANSWERED) : anyCounts ? State.KEPT
                : State.FAILED;
        // Unreachable only when every part was: a part that answered was not (it is never both).
        return new SourceState(source, state, state == State.FAILED ? Optional.empty() : asOf, problem,
                parts.stream().allMatch(SourceState::unreachable));
    }
}
