package org.fedoraproject.preflight.desk;

import com.google.gson.stream.JsonWriter;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.fedoraproject.preflight.adapter.feed.FeedKeys;
import org.fedoraproject.preflight.desk.site.AtomEntry;
import org.fedoraproject.preflight.desk.site.SiteIncident;
import org.fedoraproject.preflight.desk.site.SiteIndex;
import org.fedoraproject.preflight.desk.site.SiteReview;
import org.fedoraproject.preflight.desk.site.templates.JteatomGenerated;
import org.fedoraproject.preflight.desk.site.templates.JteincidentGenerated;
import org.fedoraproject.preflight.desk.site.templates.JteindexGenerated;
import org.fedoraproject.preflight.desk.site.templates.JtereviewGenerated;
import org.fedoraproject.preflight.guide.DnfCommand;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;

/**
 * {@code desk publish}: every incident linted (gaps refused, each problem named by file and
 * line), then the signed feed, the static status site (no JavaScript), its Atom feed of status
 * changes and a JSON summary. Nothing depends on the clock but {@code now}, and everything is
 * written in one order: the same desk at the same {@code now} gives the same bytes.
 */
public final class Publisher {

    /** What publishing did: the files written, or why nothing was. */
    public record Result(List<Path> written, List<String> problems) {
    }

    private static final Pattern INCIDENT_PATH = Pattern.compile("^(?:\\$\\.)?incidents\\[([^\\]]+)\\]\\.?(.*)$");

    /** How long a published feed stays fresh: Preflight warns about an expired feed; publish at least weekly. */
    static final Duration EXPIRES = Duration.ofDays(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Publisher() {
    }

    /** A further lint of the incidents as users will read them (feed lint's --against-repo); problems by feed path. */
    @FunctionalInterface
    public interface Check {
        Reading<List<FeedProblem>> problems(List<Incident> incidents);

        Check NONE = incidents -> Reading.of(List.of());
    }

    public static Result publish(Desk desk, Path out, PrivateKey key, Instant now) throws IOException {
        return publish(desk, out, key, now, Check.NONE);
    }

    public static Result publish(Desk desk, Path out, PrivateKey key, Instant now, Check check) throws IOException {
        List<String> problems = new ArrayList<>();
        List<DeskIncident> incidents = new ArrayList<>();
        List<Incident> parsed = new ArrayList<>();
        List<String> ids = desk.ids();
        // Each file is linted on its own: side by side, the results kept in the files' order.
        List<Lint.Result> lints;
        try {
            lints = ids.parallelStream().map(id -> {
                try {
                    return Lint.check(desk.text(id), id);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int k = 0; k < ids.size(); k++) {
            Lint.Result lint = lints.get(k);
            String file = Desk.INCIDENTS + "/" + ids.get(k) + ".md";
            lint.problems().forEach(p -> problems.add(file + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message()));
            lint.incident().filter(i -> lint.clean()).ifPresent(incidents::add);
            lint.parsed().filter(i -> lint.clean()).ifPresent(parsed::add);
        }
        if (problems.isEmpty()) {
            Reading<List<FeedProblem>> more = check.problems(parsed);
            if (more instanceof Reading.Unavailable<List<FeedProblem>> u) {
                problems.add(u.message());
            }
            for (FeedProblem p : more.get().orElse(List.of())) {
                // incidents[FPS-2026-0042].affected[mesa-libGL].introduced: the incident's file, and the field in it.
                Matcher m = INCIDENT_PATH.matcher(p.path());
                problems.add(m.find() ? Desk.INCIDENTS + "/" + m.group(1) + ".md: " + m.group(2) + ": " + p.message() : p.toString());
            }
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        // Never before the latest change: Preflight refuses a changed feed that is not newer than the one it has, and
        // the same desk still gives the same time (SOURCE_DATE_EPOCH in the past, for a reproducible build, included).
        now = incidents.stream().map(DeskIncident::modified).filter(now::isBefore).max(Comparator.naturalOrder()).orElse(now);
        Desk.Settings settings = desk.settings();
        String site = settings.siteUrl().isEmpty() || settings.siteUrl().endsWith("/") ? settings.siteUrl() : settings.siteUrl() + "/";
        List<Path> written = new ArrayList<>();
        Files.createDirectories(out.resolve("incidents"));
        byte[] feed = FeedOut.feed(settings.publisher(), now, now.plus(EXPIRES), incidents).getBytes(StandardCharsets.UTF_8);
        write(out.resolve("feed.json"), feed, written);
        try {
            write(out.resolve("feed.json.sig"), FeedKeys.sign(feed, key).getBytes(StandardCharsets.US_ASCII), written);
        } catch (GeneralSecurityException e) {
            throw new IOException("the feed could not be signed: " + e.getMessage(), e);
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<SiteIncident> ongoing = new ArrayList<>();
        List<SiteIncident> resolved = new ArrayList<>();
        List<DeskIncident> ordered = ordered(incidents);
        List<SiteIncident> pages = ordered.parallelStream().map(i -> page(i, today)).toList();
        List<byte[]> html = pages.parallelStream().map(page -> render(o -> JteincidentGenerated.render(o, null, page))).toList();
        for (int k = 0; k < ordered.size(); k++) {
            (ordered.get(k).open() ? ongoing : resolved).add(pages.get(k));
            write(out.resolve("incidents").resolve(ordered.get(k).id() + ".html"), html.get(k), written);
        }
        SiteIndex index = new SiteIndex(settings.publisher(), TIME.format(now), settings.feedUrl(), ongoing, resolved);
        write(out.resolve("index.html"), render(o -> JteindexGenerated.render(o, null, index)), written);
        List<AtomEntry> entries = atom(incidents, site);
        String updated = entries.isEmpty() ? TIME.format(now) : entries.get(0).updated();
        write(out.resolve("atom.xml"), render(o -> JteatomGenerated.render(o, null, settings.publisher(),
                tag(site, "status"), updated, site, entries)), written);
        SiteReview review = review(incidents.stream().map(i -> Review.of(i, Review.Fedora.NONE)).toList());
        write(out.resolve("review.html"), render(o -> JtereviewGenerated.render(o, null, review)), written);
        write(out.resolve("summary.json"), summary(settings, now, incidents, site), written);
        return new Result(written, List.of());
    }

    /** The lessons-learned page, from the desk's own timelines (publish asks no source: it stays offline and reproducible). */
    static SiteReview review(List<Review> reviews) {
        Review.Lessons l = Review.lessons(reviews);
        List<SiteReview.Row> rows = reviews.stream().sorted(Comparator.comparing(Review::reported).reversed().thenComparing(Review::id))
                .map(r -> new SiteReview.Row(r.id(), "incidents/" + r.id() + ".html", r.title(), String.join(", ", r.components()),
                        words(r.reportToIdentified()), words(r.reportToFixTesting()), words(r.reportToFixStable()))).toList();
        return new SiteReview(l.incidents(), words(l.reportToIdentified()), words(l.reportToFixTesting()),
                words(l.reportToFixStable()), l.byComponent(), l.byRelease(), rows);
    }

    private static String words(Optional<Duration> d) {
        return d.map(Review::words).orElse("—");
    }

    /** Ongoing first (the most severe, then the latest changed), then resolved (the latest first); by ID when equal. */
    static List<DeskIncident> ordered(List<DeskIncident> incidents) {
        Map<String, Integer> rank = Map.of("critical", 0, "major", 1, "minor", 2);
        return incidents.stream().sorted(Comparator.comparing((DeskIncident i) -> !i.open())
                .thenComparing(i -> rank.getOrDefault(i.severity(), 3))
                .thenComparing(DeskIncident::modified, Comparator.reverseOrder())
                .thenComparing(DeskIncident::id)).toList();
    }

    static SiteIncident page(DeskIncident i, LocalDate today) {
        List<String> packages = i.affected().stream().map(e -> e.name() + (e.source().isEmpty() || e.source().equals(e.name())
                ? "" : " (and every package built from " + e.source() + ")") + ": from " + e.introduced()
                + (e.fixed().isEmpty() ? "" : ", fixed in " + e.fixed())).toList();
        boolean overdue = i.open() && !i.fixExpected().isEmpty() && LocalDate.parse(i.fixExpected()).isBefore(today);
        List<SiteIncident.Event> timeline = new ArrayList<>();
        i.timeline().forEach(e -> timeline.add(0, new SiteIncident.Event(TIME.format(e.at()), e.status(), e.text())));
        List<SiteIncident.Link> links = i.links().stream().map(l -> new SiteIncident.Link(label(l.rel()), l.url())).toList();
        return new SiteIncident(i.id(), "incidents/" + i.id() + ".html", i.title(), i.status(),
                IncidentStatus.of(i.status()).map(s -> s.id().replace('-', ' ')).orElse(i.status()), i.severity(),
                i.releases().isEmpty() ? "all" : "Fedora " + String.join(", ", i.releases()), packages, i.fixExpected(), overdue,
                TIME.format(i.modified()), html(i.summary()), html(i.workaround()), html(i.postmortem()),
                i.open() ? goBack(i) : List.of(), timeline, links);
    }

    /** The commands to go back to each package's last good version, as each package manager takes them. */
    static List<SiteIncident.Command> goBack(DeskIncident i) {
        List<String> nevras = i.affected().stream().filter(e -> !e.lastGood().isEmpty())
                .map(e -> e.name() + "-" + e.lastGood().replaceFirst("^0:", "")).toList();
        if (nevras.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("downgrade"));
        args.addAll(nevras);
        return List.of(new SiteIncident.Command("Fedora Workstation, KDE and other editions (dnf5)",
                        DnfCommand.of(PackageManager.DNF5, Optional.empty(), args).display()),
                new SiteIncident.Command("Fedora 40 and older (dnf)", DnfCommand.of(PackageManager.DNF4, Optional.empty(), args).display()),
                new SiteIncident.Command("Silverblue, Kinoite and other Atomic desktops: the previous deployment",
                        new ShellCommand(List.of("rpm-ostree", "rollback"), false).display()));
    }

    private static String label(String rel) {
        return switch (rel) {
            case "tracker" -> "Bug";
            case "discussion" -> "Discussion";
            case "update" -> "Bodhi update";
            case "postmortem" -> "Post-mortem";
            case "announcement" -> "Announcement";
            default -> "Link";
        };
    }

    static String html(String markdown) {
        return markdown.isBlank() ? "" : HTML.render(MARKDOWN.parse(markdown));
    }

    /** One entry per status change (a timeline line that sets a status), newest first. */
    static List<AtomEntry> atom(List<DeskIncident> incidents, String site) {
        List<AtomEntry> entries = new ArrayList<>();
        for (DeskIncident i : incidents) {
            for (int k = 0; k < i.timeline().size(); k++) {
                DeskIncident.Event e = i.timeline().get(k);
                if (!e.status().isEmpty()) {
                    entries.add(new AtomEntry(tag(site, i.id() + "/" + k), i.id() + " " + e.status() + ": " + i.title(),
                            TIME.format(e.at()), site + "incidents/" + i.id() + ".html", e.text()));
                }
            }
        }
        // Newest first; two changes of the same second in the order they were made, the later first.
        entries.sort(Comparator.comparing(AtomEntry::updated).thenComparing(AtomEntry::id).reversed());
        return entries;
    }

    /** A tag URI (RFC 4151) under the site's host: stable, and never a URL that must resolve. */
    static String tag(String site, String what) {
        String host = site.isEmpty() ? "localhost" : URI.create(site).getHost();
        return "tag:" + (host == null ? "localhost" : host) + ",2026:" + what;
    }

    private static byte[] summary(Desk.Settings settings, Instant now, List<DeskIncident> incidents, String site) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject();
            w.name("publisher").value(settings.publisher());
            w.name("generated").value(TIME.format(now));
            Map<String, Integer> byStatus = new TreeMap<>();
            incidents.forEach(i -> byStatus.merge(i.status(), 1, Integer::sum));
            w.name("by_status").beginObject();
            for (Map.Entry<String, Integer> e : byStatus.entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject();
            w.name("incidents").beginArray();
            for (DeskIncident i : ordered(incidents)) {
                w.beginObject().name("id").value(i.id()).name("title").value(i.title()).name("status").value(i.status())
                        .name("severity").value(i.severity()).name("fix_expected").value(i.fixExpected())
                        .name("url").value(site + "incidents/" + i.id() + ".html").endObject();
            }
            w.endArray();
            w.endObject();
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A template rendered through jte's OWASP output: each value escaped for where it lands (text, attribute, URL). */
    private static byte[] render(Consumer<HtmlTemplateOutput> template) {
        StringOutput out = new StringOutput();
        template.accept(new OwaspHtmlTemplateOutput(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] content, List<Path> written) throws IOException {
        Files.write(file, content);
        written.add(file);
    }
}
