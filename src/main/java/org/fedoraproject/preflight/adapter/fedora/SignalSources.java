package org.fedoraproject.preflight.adapter.fedora;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fedoraproject.preflight.adapter.feed.FeedFetcher;
import org.fedoraproject.preflight.adapter.system.RegularFiles;
import org.fedoraproject.preflight.signal.BodhiUpdate;
import org.fedoraproject.preflight.signal.Bug;
import org.fedoraproject.preflight.signal.CommonIssue;
import org.fedoraproject.preflight.signal.Release;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Problem;
import org.fedoraproject.preflight.text.Text;

/**
 * Reads Bodhi, Bugzilla and Fedora's Common Issues through the feed's HTTP client, with the same
 * cache and offline rules: each answer that could be read is kept by URL (one that cannot be
 * read never replaces a kept one); offline, or when a source fails, the kept answer is used and
 * the problem said. Requests are batched: Bodhi 50 builds or aliases a request, Bugzilla 20 ids
 * or components (an anonymous search returns at most 20 rows, so its searches page by bug id).
 */
public final class SignalSources {

    /** Where the services are: Fedora's by default; a loopback server in tests (local allows http). */
    public record Endpoints(String bodhi, String discourse, String bugzilla, boolean local) {
        public static final Endpoints FEDORA = new Endpoints("https://bodhi.fedoraproject.org",
                "https://discussion.fedoraproject.org", "https://bugzilla.redhat.com", false);
    }

    /** What one source gave: its items, and how it stood (answered, kept, failed). */
    public record Read<T>(List<T> items, SourceState state) {
        public Read {
            items = List.copyOf(items);
        }

        public Optional<Problem> problem() {
            return state.problem();
        }
    }

    public static final String BODHI = SourceState.BODHI;
    public static final String BUGZILLA = SourceState.BUGZILLA;
    public static final String COMMON_ISSUES_SOURCE = SourceState.COMMON_ISSUES;

    static final int BUILDS_PER_REQUEST = 50;
    /** Red Hat's Bugzilla answers an anonymous search with 20 rows at most. */
    static final int BUGZILLA_ROWS = 20;
    /** One source's deadline over all its requests, retries included: a slow Bodhi must not hold up a verdict. */
    static final Duration DEADLINE = Duration.ofSeconds(15);
    static final int MAX_PAGES = 10;
    static final String COMMON_ISSUES = "/tags/c/ask/common-issues/82/none/f";
    static final String BUG_FIELDS = "id,summary,status,resolution,is_open,component,version,keywords,cf_fixed_in,severity,"
            + "creation_time";
    /** A topic's first post kept this long is not asked again unless the topic moved since. */
    static final Duration POST_REUSE = Duration.ofHours(6);
    /**
     * How long a kept answer is used without asking again: what moves within the hour (Bodhi's
     * updates and karma, Bugzilla's searches, the Common Issues list) for ten minutes; what
     * moves slowly (the release list) for six hours. After that it is asked again with its
     * validators (ETag, Last-Modified): an answer that did not change costs a 304.
     */
    static final Duration FRESH_MINUTES = Duration.ofMinutes(10);
    static final Duration FRESH_HOURS = Duration.ofHours(6);

    private final Supplier<FeedFetcher> fetcher;
    private final Path cacheDir;
    private final Endpoints endpoints;
    /** Each source's one deadline in this check, set by its first request; null: each read has its own. */
    private final Map<String, Instant> deadlines;
    /** Whether a kept answer within its freshness is used without asking (off: every read asks, conditionally). */
    private final boolean reuse;
    /** Shared by every copy: the limit of requests at once to a host holds across reads and checks. */
    private final Parallel parallel;
    private final Clock clock;

    public SignalSources(Supplier<FeedFetcher> fetcher, Path cacheDir, Endpoints endpoints, Clock clock) {
        this(fetcher, cacheDir, endpoints, null, true, new Parallel(clock), clock);
    }

    private SignalSources(Supplier<FeedFetcher> fetcher, Path cacheDir, Endpoints endpoints, Map<String, Instant> deadlines,
                          boolean reuse, Parallel parallel, Clock clock) {
        this.fetcher = fetcher;
        this.cacheDir = cacheDir;
        this.endpoints = endpoints;
        this.deadlines = deadlines;
        this.reuse = reuse;
        this.parallel = parallel;
        this.clock = clock;
    }

    /**
     * The same sources, asking every time (conditionally, with the kept answer's validators):
     * for a check the user asked to be fresh, and for tests that change the servers' answers
     * between checks (PREFLIGHT_SOURCES_REUSE=off).
     */
    public SignalSources askingEveryTime() {
        return new SignalSources(fetcher, cacheDir, endpoints, deadlines, false, parallel, clock);
    }

    /**
     * The sources for one check: every request to a source, whichever read makes it (Bodhi by
     * alias, then by build; each topic's first post), ends by that source's one deadline, which
     * starts with its first request. A slow source costs one deadline, not one per request.
     */
    public SignalSources forOneCheck() {
        return new SignalSources(fetcher, cacheDir, endpoints, new ConcurrentHashMap<>(), reuse, parallel, clock);
    }

    /** The Bodhi updates of these build NVRs. */
    public Read<BodhiUpdate> bodhi(List<String> nvrs, boolean offline) {
        return bodhiBy("builds", nvrs, offline);
    }

    /** The Bodhi updates of these aliases (the advisories of the updateinfo). */
    public Read<BodhiUpdate> bodhiByAlias(List<String> aliases, boolean offline) {
        return bodhiBy("alias", aliases, offline);
    }

    private Read<BodhiUpdate> bodhiBy(String parameter, List<String> values, boolean offline) {
        Session session = new Session(BODHI, offline, FRESH_MINUTES);
        // The batches side by side, each one's pages in turn.
        return session.done(flat(parallel.map(batches(values, BUILDS_PER_REQUEST),
                batch -> bodhiPages(session, parameter + "=" + enc(String.join(",", batch))))));
    }

    /** Every page of one Bodhi query, up to MAX_PAGES. */
    private List<BodhiUpdate> bodhiPages(Session session, String query) {
        List<BodhiUpdate> updates = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages && page <= MAX_PAGES; page++) {
            URI url = URI.create(endpoints.bodhi() + "/updates/?" + query + "&rows_per_page=100&page=" + page);
            Optional<BodhiParser.Page> p = session.read(url, body -> BodhiParser.parse(body, endpoints.bodhi()));
            if (p.isEmpty()) {
                break;
            }
            updates.addAll(p.get().updates());
            pages = p.get().pages();
        }
        return updates;
    }

    /** The stable updates of a source package for one Bodhi release ("F43"), newest first as Bodhi sends them. */
    public Read<BodhiUpdate> bodhiStable(String sourcePackage, String bodhiRelease, boolean offline) {
        Session session = new Session(BODHI, offline, FRESH_MINUTES);
        return session.done(bodhiPages(session, "packages=" + enc(sourcePackage) + "&releases=" + enc(bodhiRelease) + "&status=stable"));
    }

    /** The updates of a Bodhi release ("F43") that reached stable since {@code since}: what the SIG's triage looks through. */
    public Read<BodhiUpdate> bodhiStableSince(String bodhiRelease, Instant since, boolean offline) {
        Session session = new Session(BODHI, offline, FRESH_MINUTES);
        String day = since.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
        return session.done(bodhiPages(session, "releases=" + enc(bodhiRelease) + "&status=stable&pushed_since=" + enc(day)));
    }

    /** The Bodhi updates that name this bug: the candidates that fix it. */
    public Read<BodhiUpdate> bodhiByBug(long bug, boolean offline) {
        Session session = new Session(BODHI, offline, FRESH_MINUTES);
        return session.done(bodhiPages(session, "bugs=" + bug));
    }

    /** Fedora's releases, with their states and end-of-life dates. */
    public Read<Release> releases(boolean offline) {
        Session session = new Session(BODHI, offline, FRESH_HOURS);
        return session.done(session.read(URI.create(endpoints.bodhi() + "/releases/?exclude_archived=True&rows_per_page=100"),
                BodhiReleasesParser::parse).orElse(List.of()));
    }

    /** The open Common Issues topics of release {@code release} (a number, as in "43"). */
    public Read<CommonIssue> commonIssues(String release, boolean offline) {
        Session session = new Session(COMMON_ISSUES_SOURCE, offline, FRESH_MINUTES);
        List<CommonIssue> issues = new ArrayList<>();
        String path = COMMON_ISSUES + release + ".json";
        for (int page = 0; page < 3 && path != null; page++) {
            Optional<CommonIssuesParser.Page> p =
                    session.read(URI.create(endpoints.discourse() + path), body -> CommonIssuesParser.parse(body, endpoints.discourse()));
            if (p.isEmpty()) {
                break;
            }
            issues.addAll(p.get().issues());
            path = p.get().more().map(SignalSources::asJson).orElse(null);
            if (path != null && !isPath(path)) {
                // A next page that is no path on this server: stop, say so, keep what was read.
                session.problem(new Problem(COMMON_ISSUES_SOURCE, Text.of("sources.problem.nextPage")));
                path = null;
            }
        }
        return session.done(issues);
    }

    /**
     * Each topic's first post in markdown ({@code /raw/ID/1}): the packages, versions, bug links
     * and workaround are in it, not in the title. A copy kept less than six hours is used again
     * when the topic has had no post since it was kept.
     */
    public Read<CommonIssue> firstPosts(List<CommonIssue> topics, boolean offline) {
        // Side by side, four at a time (Parallel.PER_HOST): twenty topics cost five round trips, not twenty.
        List<Read<CommonIssue>> reads = parallel.map(topics, topic -> {
            Session session = new Session(COMMON_ISSUES_SOURCE, offline, POST_REUSE);
            URI url = URI.create(endpoints.discourse() + "/raw/" + topic.id() + "/1");
            Optional<String> raw = session.readReusing(url, topic.lastPosted(), body -> body);
            return session.done(List.of(raw.map(topic::withFirstPost).orElse(topic)));
        });
        return new Read<>(flat(reads.stream().map(Read::items).toList()),
                SourceState.combined(COMMON_ISSUES_SOURCE, reads.stream().map(Read::state).toList()));
    }

    /** One Discourse topic by its number, with its first post in markdown (the SIG desk's draft from a topic). */
    public Read<CommonIssue> topic(long id, boolean offline) {
        Session session = new Session(COMMON_ISSUES_SOURCE, offline, FRESH_MINUTES);
        Optional<CommonIssue> topic = session.read(URI.create(endpoints.discourse() + "/t/" + id + ".json"),
                body -> CommonIssuesParser.parseTopic(body, endpoints.discourse())).flatMap(t -> t);
        Read<CommonIssue> read = session.done(topic.stream().toList());
        return topic.isEmpty() ? read : firstPosts(read.items(), offline);
    }

    /** The bugs marked CommonBugs for Fedora {@code release}, open or closed, page by page. */
    public Read<Bug> commonBugs(String release, boolean offline) {
        Session session = new Session(BUGZILLA, offline, FRESH_MINUTES);
        String query = "product=Fedora&version=" + enc(release) + "&keywords=" + Bug.COMMON_BUGS + "&keywords_type=allwords";
        return session.done(search(session, query));
    }

    /**
     * The open bugs of Fedora {@code release} accepted as Prioritized Bugs (the Bugzilla flag
     * fedora_prioritized_bug+), for the SIG's triage.
     */
    public Read<Bug> prioritizedBugs(String release, boolean offline) {
        Session session = new Session(BUGZILLA, offline, FRESH_MINUTES);
        String query = "product=Fedora&version=" + enc(release) + "&bug_status=NEW&bug_status=ASSIGNED&bug_status=POST"
                + "&bug_status=MODIFIED&bug_status=ON_QA&f2=flagtypes.name&o2=substring&v2=" + enc("fedora_prioritized_bug+");
        return session.done(search(session, query));
    }

    /** These bugs (Common Issues topics link them), 20 a request. */
    public Read<Bug> bugs(Collection<Long> ids, boolean offline) {
        Session session = new Session(BUGZILLA, offline, FRESH_MINUTES);
        return session.done(flat(parallel.map(batches(List.copyOf(ids), BUGZILLA_ROWS), batch -> {
            String joined = String.join(",", batch.stream().map(String::valueOf).toList());
            // Only the bugs asked for: a server that answers with others (or a hundred thousand) is not believed.
            return session.read(URI.create(endpoints.bugzilla() + "/rest/bug?id=" + enc(joined) + "&include_fields=" + BUG_FIELDS),
                    BugzillaParser::parse).map(rows -> List.copyOf(rows.stream().filter(b -> batch.contains(b.id()))
                            .collect(Collectors.toMap(Bug::id, b -> b, (a, b) -> a, LinkedHashMap::new))
                            .values())).orElse(List.of());
        })));
    }

    /**
     * The open bugs filed for Fedora {@code release} against these components (source packages)
     * since {@code since}: 20 components a search, each search paged by bug id.
     */
    public Read<Bug> bugsFiledSince(String release, Collection<String> components, Instant since, boolean offline) {
        Session session = new Session(BUGZILLA, offline, FRESH_MINUTES);
        String day = since.truncatedTo(ChronoUnit.DAYS).toString();
        return session.done(flat(parallel.map(batches(List.copyOf(components), BUGZILLA_ROWS), batch -> {
            StringBuilder query = new StringBuilder("product=Fedora&version=" + enc(release));
            batch.forEach(c -> query.append("&component=").append(enc(c)));
            query.append("&bug_status=NEW&bug_status=ASSIGNED&bug_status=POST&bug_status=MODIFIED&bug_status=ON_QA")
                    .append("&creation_time=").append(enc(day));
            return search(session, query.toString());
        })));
    }

    /** A search of at most 20 rows a page, in bug id order, each page after the last id seen. */
    private List<Bug> search(Session session, String query) {
        List<Bug> bugs = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            URI url = URI.create(endpoints.bugzilla() + "/rest/bug?" + query + "&include_fields=" + BUG_FIELDS
                    + "&order=bug_id&limit=" + BUGZILLA_ROWS + "&f1=bug_id&o1=greaterthan&v1=" + after);
            Optional<List<Bug>> rows = session.read(url, BugzillaParser::parse);
            if (rows.isEmpty()) {
                break;
            }
            // No more rows than asked for, in the order asked for: a server that sends a hundred
            // thousand makes no more than a page of incidents.
            long floor = after;
            List<Bug> page1 = rows.get().stream().filter(b -> b.id() > floor).sorted(Comparator.comparingLong(Bug::id))
                    .limit(BUGZILLA_ROWS).toList();
            bugs.addAll(page1);
            if (rows.get().size() > BUGZILLA_ROWS) {
                // A server that ignores the limit is not asked for more pages.
                session.problem(new Problem(BUGZILLA, Text.of("sources.problem.tooManyRows", rows.get().size(), BUGZILLA_ROWS)));
                break;
            }
            long last = page1.stream().mapToLong(Bug::id).max().orElse(after);
            if (page1.size() < BUGZILLA_ROWS || last <= after) {
                break;
            }
            after = last;
        }
        return bugs;
    }

    private static <T> List<T> flat(List<List<T>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            out.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return out;
    }

    /**
     * Why an answer could not be read, in a person's words: never the parser's message, which
     * names Java classes, quotes the body (a megabyte of it) or a path a thousand characters long.
     */
    static Problem unreadable(String source, RuntimeException e) {
        return new Problem(source, e instanceof SourceSaid said ? Text.untranslated(said.getMessage()) : e instanceof JsonParseException
                ? Text.of("sources.problem.notJson") : Text.of("sources.problem.notItsForm", source));
    }

    /** A path on the Discourse server: "/" then a valid URI path and query, nothing that leaves the host. */
    static boolean isPath(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getHost() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Discourse's more_topics_url is the HTML path: the JSON one has .json before the query. */
    static String asJson(String more) {
        int q = more.indexOf('?');
        String path = q < 0 ? more : more.substring(0, q);
        String query = q < 0 ? "" : more.substring(q);
        return (path.endsWith(".json") ? path : path + ".json") + query;
    }

    /**
     * The requests of one source in one check: one deadline, its problems, whether kept answers
     * were used. Its requests run side by side: what they tell it is recorded under its lock.
     */
    private final class Session {
        private final String source;
        private final boolean offline;
        private final Instant deadline;
        private final Duration freshness;
        /** The oldest kept answer used within its freshness, not asked again. */
        private Instant oldestReused;
        private final List<Problem> problems = new ArrayList<>();
        private Instant oldestKept;
        private int fresh;
        private int missing;
        /** Asks whose host could not be reached at all. */
        private int unreachable;

        Session(String source, boolean offline, Duration freshness) {
            this.source = source;
            this.offline = offline;
            this.freshness = freshness;
            this.deadline = deadlines == null ? clock.instant().plus(DEADLINE)
                    : deadlines.computeIfAbsent(source, s -> clock.instant().plus(DEADLINE));
        }

        <P> Optional<P> read(URI url, Function<String, P> parser) {
            return readReusing(url, null, parser);
        }

        /**
         * The kept answer while it is younger than the source's freshness (and, with
         * {@code unchangedSince}, newer than it), without asking; else the answer asked for
         * again with the kept one's validators — a 304 keeps it, a new one that can be read
         * replaces it — or, when asking fails, the kept one, the problem said.
         */
        <P> Optional<P> readReusing(URI url, Instant unchangedSince, Function<String, P> parser) {
            Path kept = cacheDir.resolve(key(url) + ".json");
            Optional<Instant> keptAt = modified(kept);
            boolean young = keptAt.isPresent() && keptAt.get().isAfter(clock.instant().minus(freshness))
                    && (unchangedSince == null || keptAt.get().isAfter(unchangedSince));
            // A first post is reused by its own rule (the topic has not moved), whatever the setting.
            if (young && (reuse || unchangedSince != null) && !offline) {
                Optional<P> parsed = readKept(kept).flatMap(body -> parsed(parser, body));
                if (parsed.isPresent()) {
                    if (unchangedSince != null) {
                        fresh(); // confirmed by what was just asked (the topic has not moved since): as good as an answer
                    } else {
                        reused(keptAt.get());
                    }
                    return parsed;
                }
            }
            if (!offline) {
                Validators validators = validators(kept);
                FeedFetcher.Outcome outcome = parallel.limited(url, deadline, () -> fetcher.get().fetchDocument(url, endpoints.local(),
                        deadline, validators.etag(), validators.lastModified()), () -> new FeedFetcher.Outcome.Failed(
                        Text.of("feed.fetch.deadlinePassed", DEADLINE.toSeconds())));
                if (outcome instanceof FeedFetcher.Outcome.Fresh f) {
                    String body = new String(f.body(), StandardCharsets.UTF_8);
                    try {
                        P parsed = parser.apply(body);
                        keep(kept, body, new Validators(f.etag(), f.lastModified()));
                        fresh();
                        return Optional.of(parsed);
                    } catch (RuntimeException e) {
                        problem(unreadable(source, e));
                    }
                } else if (outcome instanceof FeedFetcher.Outcome.NotModified) {
                    Optional<P> parsed = readKept(kept).flatMap(body -> parsed(parser, body));
                    if (parsed.isPresent()) {
                        touch(kept); // confirmed now: fresh again
                        fresh();
                        return parsed;
                    }
                } else {
                    problem(new Problem(source, outcome instanceof FeedFetcher.Outcome.Failed x ? x.reason()
                            : Text.of("sources.problem.noAnswer")));
                    if (outcome instanceof FeedFetcher.Outcome.Failed x && FeedFetcher.unreachable(x.reason())) {
                        unreachable();
                    }
                }
            }
            Optional<String> old = readKept(kept);
            if (old.isEmpty()) {
                missing();
                if (offline) {
                    problem(new Problem(source, Text.of("sources.problem.nothingKept")));
                }
                return Optional.empty();
            }
            Optional<P> parsed = parsed(parser, old.get());
            if (parsed.isEmpty()) {
                missing();
                return Optional.empty();
            }
            kept(keptAt.get());
            return parsed;
        }

        private <P> Optional<P> parsed(Function<String, P> parser, String body) {
            try {
                return Optional.of(parser.apply(body));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        synchronized void problem(Problem problem) {
            problems.add(problem);
        }

        private synchronized void fresh() {
            fresh++;
        }

        private synchronized void unreachable() {
            unreachable++;
        }

        private synchronized void missing() {
            missing++;
        }

        private synchronized void reused(Instant at) {
            oldestReused = oldestReused == null || at.isBefore(oldestReused) ? at : oldestReused;
        }

        private synchronized void kept(Instant at) {
            oldestKept = oldestKept == null || at.isBefore(oldestKept) ? at : oldestKept;
        }

        synchronized <T> Read<T> done(List<T> items) {
            Optional<Problem> problem = problems.stream().findFirst()
                    .map(p -> oldestKept != null ? new Problem(p.source(), Text.of("sources.problem.keptInstead", p.what())) : p);
            SourceState.State state;
            if (oldestKept != null) {
                state = SourceState.State.KEPT;
            } else if (missing > 0 && fresh == 0 && oldestReused == null) {
                state = SourceState.State.FAILED;
            } else if (missing > 0) {
                state = SourceState.State.KEPT; // partly answered: some of what was asked is missing
            } else if (oldestReused != null) {
                state = SourceState.State.REUSED; // within its freshness: not asked again, said with its age
            } else {
                state = SourceState.State.ANSWERED;
            }
            Optional<Instant> asOf = switch (state) {
                case ANSWERED -> Optional.of(clock.instant());
                case REUSED -> Optional.of(oldestReused);
                default -> Optional.ofNullable(oldestKept);
            };
            // Unreachable: nothing answered now and every failure was one of reaching the host.
            boolean offline = unreachable > 0 && fresh == 0 && unreachable == problems.size();
            return new Read<>(items, new SourceState(source, state, asOf, problem, offline));
        }
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readKept(Path file) {
        try {
            return Optional.of(RegularFiles.readString(file, 64L << 20));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A kept answer's validators, for a conditional request. */
    private record Validators(Optional<String> etag, Optional<String> lastModified) {
        static final Validators NONE = new Validators(Optional.empty(), Optional.empty());
    }

    private void keep(Path file, String body, Validators validators) {
        try {
            Files.createDirectories(cacheDir);
            Path temp = Files.createTempFile(cacheDir, ".answer", ".tmp");
            Files.writeString(temp, body, StandardCharsets.UTF_8);
            Path meta = meta(file);
            JsonObject o = new JsonObject();
            validators.etag().ifPresent(v -> o.addProperty("etag", v));
            validators.lastModified().ifPresent(v -> o.addProperty("last_modified", v));
            Path metaTemp = Files.createTempFile(cacheDir, ".answer", ".tmp");
            Files.writeString(metaTemp, o.toString(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(metaTemp, meta, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a cache that cannot be written costs only the offline copy
        }
    }

    private static Path meta(Path kept) {
        return kept.resolveSibling(kept.getFileName().toString().replace(".json", ".meta"));
    }

    /** The validators kept with an answer; none when either file is missing or unreadable. */
    private static Validators validators(Path kept) {
        if (!Files.isRegularFile(kept)) {
            return Validators.NONE;
        }
        try {
            JsonObject o = JsonParser.parseString(RegularFiles.readString(meta(kept), RegularFiles.SMALL))
                    .getAsJsonObject();
            return new Validators(text(o, "etag"), text(o, "last_modified"));
        } catch (IOException | RuntimeException e) {
            return Validators.NONE;
        }
    }

    private static Optional<String> text(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? Optional.of(o.get(key).getAsString()) : Optional.empty();
    }

    private void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } catch (IOException e) {
            // it is asked again next time: no harm
        }
    }

    private static String key(URI url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** By build NVR, for the judge. */
    public static Map<String, BodhiUpdate> byBuild(List<BodhiUpdate> updates) {
        Map<String, BodhiUpdate> map = new HashMap<>();
        for (BodhiUpdate u : updates) {
            u.builds().forEach(nvr -> map.putIfAbsent(nvr, u));
        }
        return map;
    }
}
