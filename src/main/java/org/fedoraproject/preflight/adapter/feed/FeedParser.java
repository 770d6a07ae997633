package org.fedoraproject.preflight.adapter.feed;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Link;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.TimelineEntry;
import org.fedoraproject.preflight.incident.Workaround;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.rpm.VersionRange;

/**
 * Reads and validates incident feed format 1 (see feed-format.md and the JSON Schema shipped
 * beside this class). Unknown fields are ignored, so that later minor versions stay readable;
 * an unknown major format is refused. A problem in one incident skips that incident only, and
 * is reported with its JSON path; the rest of the feed is used.
 */
public final class FeedParser {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    static final Pattern BODHI_ALIAS = Pattern.compile("FEDORA-(EPEL-)?(FLATPAK-)?(CONTAINER-)?(MODULAR-)?\\d{4}-[0-9a-f]{10}");
    static final Set<String> LINK_RELS = Link.RELS;
    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 20_000;

    private FeedParser() {
    }

    public static FeedReadResult parse(String json) {
        JsonElement root;
        // Each incident is read, checked and made an Incident as the parser reaches it; the JSON of
        // the whole list is never held at once (a feed of 10,000 incidents would be a tree of
        // some 60 MB for a moment, and the heap would keep that room).
        List<Incident> incidents = new ArrayList<>();
        List<FeedProblem> skipped = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            root = StrictJson.parse(json, "incidents", (element, k) -> {
                JsonPath path = JsonPath.ROOT.field("incidents").item(k);
                Problems p = new Problems();
                Optional<Incident> incident = incident(element, path, p);
                if (incident.isPresent() && !ids.add(incident.get().id())) {
                    p.add(path.field("id"), "\"" + incident.get().id() + "\" is used by an earlier incident");
                }
                if (p.list.isEmpty() && incident.isPresent()) {
                    incidents.add(incident.get());
                } else {
                    p.list.add(0, new FeedProblem(path.toString(), "incident skipped"));
                    skipped.addAll(p.list);
                }
            });
        } catch (JsonParseException | StackOverflowError e) {
            return refused("$", "not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (!root.isJsonObject()) {
            return refused("$", "a feed is a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        Problems problems = new Problems();
        JsonPath root$ = JsonPath.ROOT;
        Optional<String> format = problems.text(o, "format", root$, true, false);
        if (format.isEmpty()) {
            return new FeedReadResult.Refused(problems.list);
        }
        String[] parts = format.get().split("/", 2);
        if (parts.length != 2 || !parts[0].equals("preflight-incidents")) {
            return refused("$.format", "\"" + format.get() + "\" is not a Preflight incident feed");
        }
        if (!parts[1].equals("1") && !parts[1].startsWith("1.")) {
            return refused("$.format", "format \"" + format.get() + "\" is newer than this Preflight reads ("
                    + Feed.FORMAT + "); update Preflight");
        }
        Optional<String> publisher = problems.text(o, "publisher", root$, true, false);
        Optional<Instant> generated = problems.time(o, "generated", root$, true);
        Optional<Instant> expires = problems.time(o, "expires", root$, true);
        JsonElement incidentsElement = o.get("incidents");
        if (incidentsElement == null || !incidentsElement.isJsonArray()) {
            problems.add(root$.field("incidents"), "must be a list");
        }
        if (!problems.list.isEmpty()) {
            return new FeedReadResult.Refused(problems.list);
        }
        if (!expires.get().isAfter(generated.get())) {
            return refused("$.expires", "must be after generated");
        }
        Feed feed = new Feed(format.get(), publisher.get(), generated.get(), expires.get(), incidents);
        return new FeedReadResult.Accepted(feed, skipped);
    }

    private static Optional<Incident> incident(JsonElement element, JsonPath path, Problems p) {
        if (!element.isJsonObject()) {
            p.add(path, "an incident is a JSON object");
            return Optional.empty();
        }
        JsonObject o = element.getAsJsonObject();
        Optional<String> id = p.text(o, "id", path, true, false).filter(v -> p.matches(ID, v, path.field("id"), "an id"));
        Optional<String> title = p.text(o, "title", path, true, false).filter(v -> p.maxLength(v, MAX_TITLE, path.field("title")));
        Optional<String> summary = p.text(o, "summary", path, false, true).filter(v -> p.maxLength(v, MAX_TEXT, path.field("summary")));
        Optional<IncidentStatus> status = p.text(o, "status", path, true, false).flatMap(
                v -> p.known(IncidentStatus.of(v), path.field("status"), v, "investigating, identified, fix-testing, resolved"));
        Optional<Severity> severity = p.text(o, "severity", path, true, false).flatMap(
                v -> p.known(Severity.of(v), path.field("severity"), v, "critical, major, minor"));
        Optional<Instant> published = p.time(o, "published", path, true);
        Optional<Instant> modified = p.time(o, "modified", path, true);
        Optional<Instant> resolved = p.time(o, "resolved", path, false);
        List<String> releases = p.strings(o, "releases", path, v -> p.matches(RELEASE, v, path.field("releases"), "a release") ? v : null);
        List<String> variants = p.strings(o, "variants", path, v -> p.matches(RELEASE, v, path.field("variants"), "a variant") ? v : null);
        List<String> arches = p.strings(o, "arches", path, v -> {
            if (!PackageName.isValidArch(v)) {
                p.add(path.field("arches"), "\"" + v + "\" is not an rpm arch");
                return null;
            }
            return v;
        });
        List<AffectedPackage> affected = p.objects(o, "affected", path, (a, at) -> affected(a, at, p));
        if (affected.isEmpty() && p.list.isEmpty()) {
            p.add(path.field("affected"), "names no package");
        }
        List<String> badUpdates = p.strings(o, "bad_updates", path,
                v -> p.matches(BODHI_ALIAS, v, path.field("bad_updates"), "a Bodhi update id") ? v : null);
        Fix fix = fix(o, path, p);
        List<Workaround> workarounds = p.objects(o, "workarounds", path, (w, at) -> new Workaround(
                p.text(w, "title", at, true, false).orElse(""), p.lines(w, "steps", at), p.lines(w, "commands", at),
                p.lines(w, "revert", at)));
        List<Link> links = p.objects(o, "links", path, (l, at) -> {
            String rel = p.text(l, "rel", at, true, false).orElse("other");
            if (!LINK_RELS.contains(rel)) {
                p.add(at.field("rel"), "\"" + rel + "\" is not one of " + String.join(", ", new TreeSet<>(LINK_RELS)));
            }
            return new Link(rel, p.text(l, "url", at, true, false).map(u -> p.https(u, at.field("url"))).orElse(""));
        });
        List<TimelineEntry> timeline = p.objects(o, "timeline", path, (t, at) -> new TimelineEntry(
                p.time(t, "at", at, true).orElse(Instant.EPOCH),
                p.text(t, "status", at, false, false).flatMap(v -> p.known(IncidentStatus.of(v), at.field("status"), v,
                        "investigating, identified, fix-testing, resolved")),
                p.text(t, "text", at, false, true).orElse("")));
        if (status.isPresent() && status.get() == IncidentStatus.RESOLVED && resolved.isEmpty() && p.list.isEmpty()) {
            p.add(path.field("resolved"), "a resolved incident says when it was resolved");
        }
        if (!p.list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Incident(id.get(), title.get(), summary.orElse(""), status.get(), severity.get(),
                published.get(), modified.get(), resolved, releases, variants, arches, affected, badUpdates, fix,
                workarounds, links, timeline));
    }

    private static AffectedPackage affected(JsonObject a, JsonPath at, Problems p) {
        Optional<String> name = p.text(a, "name", at, true, false);
        if (name.isPresent() && !PackageName.isValid(name.get())) {
            p.add(at.field("name"), "\"" + name.get() + "\" is not an rpm package name (letters, digits, . _ + -)");
            name = Optional.empty();
        }
        Optional<String> source = p.text(a, "source", at, false, false);
        if (source.isPresent() && !PackageName.isValid(source.get())) {
            p.add(at.field("source"), "\"" + source.get() + "\" is not an rpm package name (letters, digits, . _ + -)");
            return null;
        }
        Optional<Evr> introduced = p.evr(a, "introduced", at, true);
        Optional<Evr> fixed = p.evr(a, "fixed", at, false);
        Optional<Evr> lastGood = p.evr(a, "last_good", at, false);
        if (introduced.isPresent() && fixed.isPresent() && fixed.get().compareTo(introduced.get()) <= 0) {
            p.add(at.field("fixed"), fixed.get() + " is not above introduced " + introduced.get());
            return null;
        }
        if (introduced.isPresent() && lastGood.isPresent() && lastGood.get().compareTo(introduced.get()) >= 0) {
            p.add(at.field("last_good"), lastGood.get() + " is not below introduced " + introduced.get());
            return null;
        }
        if (name.isEmpty() || introduced.isEmpty()) {
            return null;
        }
        return new AffectedPackage(name.get(), new VersionRange(introduced.get(), fixed), lastGood, source);
    }

    private static Fix fix(JsonObject o, JsonPath path, Problems p) {
        JsonElement e = o.get("fix");
        if (e == null || e.isJsonNull()) {
            return Fix.NONE;
        }
        JsonPath at = path.field("fix");
        if (!e.isJsonObject()) {
            p.add(at, "must be an object");
            return Fix.NONE;
        }
        JsonObject f = e.getAsJsonObject();
        List<String> updates = p.strings(f, "updates", at,
                v -> p.matches(BODHI_ALIAS, v, at.field("updates"), "a Bodhi update id") ? v : null);
        Optional<LocalDate> expected = p.text(f, "expected", at, false, false).flatMap(v -> p.date(v, at.field("expected")));
        return new Fix(updates, expected, p.text(f, "note", at, false, true).orElse(""));
    }

    private static FeedReadResult refused(String path, String message) {
        return new FeedReadResult.Refused(List.of(new FeedProblem(path, message)));
    }

    private static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse(s);
    }

    /** Collects problems while reading values; every reader returns empty (or null) after adding one. */
    private static final class Problems {
        final List<FeedProblem> list = new ArrayList<>();

        void add(JsonPath path, String message) {
            list.add(new FeedProblem(path.toString(), message));
        }

        Optional<String> text(JsonObject o, String key, JsonPath path, boolean required, boolean multiline) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                if (required) {
                    add(path.field(key), "is required");
                }
                return Optional.empty();
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                add(path.field(key), "must be a string");
                return Optional.empty();
            }
            String value = e.getAsString();
            if (required && value.isBlank()) {
                add(path.field(key), "must not be empty");
                return Optional.empty();
            }
            return Optional.ofNullable(cleanText(value, path, key, multiline));
        }

        /**
         * Feed text reaches terminals and windows: control characters (terminal escapes) and
         * bidirectional overrides (text that reads differently than it is) are refused.
         */
        String cleanText(String value, JsonPath path, String key, boolean multiline) {
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                boolean allowedBreak = multiline && (c == '\n' || c == '\t');
                if (SafeText.isUnsafe(c) && !allowedBreak) {
                    add(key == null ? path : path.field(key), String.format("contains the control character U+%04X", (int) c));
                    return null;
                }
            }
            return value;
        }

        boolean maxLength(String value, int max, JsonPath at) {
            if (value.length() > max) {
                add(at, "is longer than " + max + " characters");
                return false;
            }
            return true;
        }

        boolean matches(Pattern pattern, String value, JsonPath at, String what) {
            if (!pattern.matcher(value).matches()) {
                add(at, "\"" + value + "\" is not " + what);
                return false;
            }
            return true;
        }

        <T> Optional<T> known(Optional<T> value, JsonPath at, String text, String allowed) {
            if (value.isEmpty()) {
                add(at, "\"" + text + "\" is not one of " + allowed);
            }
            return value;
        }

        Optional<Instant> time(JsonObject o, String key, JsonPath path, boolean required) {
            return text(o, key, path, required, false).flatMap(v -> {
                Optional<Instant> time = Rfc3339.parse(v);
                if (time.isEmpty()) {
                    add(path.field(key), "\"" + v + "\" is not an RFC 3339 date-time (e.g. 2026-11-20T12:00:00Z)");
                }
                return time;
            });
        }

        /** An RFC 3339 full-date, or a date-time taken as its date in UTC. */
        Optional<LocalDate> date(String v, JsonPath at) {
            try {
                Optional<Instant> time = Rfc3339.parse(v);
                if (time.isPresent()) {
                    return Optional.of(time.get().atZone(ZoneOffset.UTC).toLocalDate());
                }
                if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return Optional.of(LocalDate.parse(v));
                }
            } catch (DateTimeParseException e) {
                // fall through to the problem below
            }
            add(at, "\"" + v + "\" is not an RFC 3339 date (e.g. 2026-11-24)");
            return Optional.empty();
        }

        Optional<Evr> evr(JsonObject o, String key, JsonPath path, boolean required) {
            return text(o, key, path, required, false).flatMap(v -> {
                try {
                    return Optional.of(Evr.parseBuildable(v));
                } catch (InvalidVersionException e) {
                    add(path.field(key), e.getMessage());
                    return Optional.empty();
                }
            });
        }

        String https(String url, JsonPath at) {
            if (!url.startsWith("https://") || url.length() <= "https://".length() || url.chars().anyMatch(c -> c <= ' ')) {
                add(at, "\"" + url + "\" is not an https URL");
                return "";
            }
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null) {
                    add(at, "\"" + url + "\" has no host");
                }
            } catch (URISyntaxException e) {
                add(at, "\"" + url + "\" is not a valid URL");
            }
            return url;
        }

        /** An optional list: empty when absent or null; empty and reported when not a list. */
        JsonArray list(JsonObject o, String key, JsonPath at) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                return new JsonArray();
            }
            if (!e.isJsonArray()) {
                add(at, "must be a list");
                return new JsonArray();
            }
            return e.getAsJsonArray();
        }

        /** A list of strings, each checked by {@code check} (null: refused, already reported). */
        List<String> strings(JsonObject o, String key, JsonPath path, Function<String, String> check) {
            JsonPath at = path.field(key);
            List<String> values = new ArrayList<>();
            JsonArray array = list(o, key, at);
            for (int k = 0; k < array.size(); k++) {
                JsonElement item = array.get(k);
                if (!(item instanceof JsonPrimitive primitive) || !primitive.isString()) {
                    add(at.item(k), "must be a string");
                    continue;
                }
                String clean = cleanText(item.getAsString(), at.item(k), null, false);
                String checked = clean == null ? null : check.apply(clean);
                if (checked != null) {
                    values.add(checked);
                }
            }
            return values;
        }

        /** Lines of a workaround, shown as written: any text on one line. */
        List<String> lines(JsonObject o, String key, JsonPath path) {
            return strings(o, key, path, v -> maxLength(v, MAX_TITLE * 4, path.field(key)) ? v : null);
        }

        <T> List<T> objects(JsonObject o, String key, JsonPath path, ObjectReader<T> reader) {
            JsonPath at = path.field(key);
            List<T> values = new ArrayList<>();
            JsonArray array = list(o, key, at);
            for (int k = 0; k < array.size(); k++) {
                JsonPath itemPath = at.item(k);
                if (!array.get(k).isJsonObject()) {
                    add(itemPath, "must be an object");
                    continue;
                }
                T value = reader.read(array.get(k).getAsJsonObject(), itemPath);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
    }

    @FunctionalInterface
    private interface ObjectReader<T> {
        T read(JsonObject object, JsonPath path);
    }
}
