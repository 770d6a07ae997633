package org.fedoraproject.preflight.adapter.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Feed;
import org.fedoraproject.preflight.incident.FeedProblem;
import org.fedoraproject.preflight.incident.Fix;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.IncidentStatus;
import org.fedoraproject.preflight.incident.Link;
import org.fedoraproject.preflight.incident.Severity;
import org.fedoraproject.preflight.incident.TimelineEntry;
import org.fedoraproject.preflight.incident.Workaround;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.VersionRange;

/**
 * A kept feed, already checked, in a compact form that reads back without JSON parsing or
 * validation: a freshly started Preflight spends most of an offline check's time reading a
 * large feed, and the feed was checked when it was fetched. The form ends in a CRC32C; a copy
 * that is damaged, or of another version of this form, reads as absent, and the feed is then
 * read from its body again. Values pass through the domain's constructors, which check them.
 */
final class FeedBinary {

    /** What was kept: the feed, the incidents skipped when it was read, and the key that signed it. */
    record Parsed(Feed feed, List<FeedProblem> problems, String signer) {
    }

    private static final int MAGIC = 0x50464232; // "PFB2": affected packages carry their source package

    private FeedBinary() {
    }

    static byte[] write(Parsed parsed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            Feed feed = parsed.feed();
            text(out, parsed.signer());
            text(out, feed.format());
            text(out, feed.publisher());
            time(out, feed.generated());
            time(out, feed.expires());
            out.writeInt(parsed.problems().size());
            for (FeedProblem p : parsed.problems()) {
                text(out, p.path());
                text(out, p.message());
            }
            out.writeInt(feed.incidents().size());
            for (Incident i : feed.incidents()) {
                incident(out, i);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        long sum = crc.getValue();
        bytes.write((int) (sum >>> 24));
        bytes.write((int) (sum >>> 16));
        bytes.write((int) (sum >>> 8));
        bytes.write((int) sum);
        return bytes.toByteArray();
    }

    static Optional<Parsed> read(byte[] data) {
        if (data.length < 8) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        long stored = ((data[data.length - 4] & 0xffL) << 24) | ((data[data.length - 3] & 0xffL) << 16)
                | ((data[data.length - 2] & 0xffL) << 8) | (data[data.length - 1] & 0xffL);
        if (crc.getValue() != stored) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 4))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            String signer = text(in);
            String format = text(in);
            String publisher = text(in);
            Instant generated = time(in);
            Instant expires = time(in);
            int problemCount = count(in);
            List<FeedProblem> problems = new ArrayList<>(problemCount);
            for (int k = 0; k < problemCount; k++) {
                problems.add(new FeedProblem(text(in), text(in)));
            }
            int incidentCount = count(in);
            List<Incident> incidents = new ArrayList<>(incidentCount);
            for (int k = 0; k < incidentCount; k++) {
                incidents.add(incident(in));
            }
            return Optional.of(new Parsed(new Feed(format, publisher, generated, expires, incidents), problems, signer));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void incident(DataOutputStream out, Incident i) throws IOException {
        text(out, i.id());
        text(out, i.title());
        text(out, i.summary());
        out.writeByte(i.status().ordinal());
        out.writeByte(i.severity().ordinal());
        time(out, i.published());
        time(out, i.modified());
        out.writeBoolean(i.resolved().isPresent());
        if (i.resolved().isPresent()) {
            time(out, i.resolved().get());
        }
        texts(out, i.releases());
        texts(out, i.variants());
        texts(out, i.arches());
        out.writeInt(i.affected().size());
        for (AffectedPackage a : i.affected()) {
            text(out, a.name());
            evr(out, a.introduced());
            optionalEvr(out, a.fixed());
            optionalEvr(out, a.lastGood());
            out.writeBoolean(a.source().isPresent());
            if (a.source().isPresent()) {
                text(out, a.source().get());
            }
        }
        texts(out, i.badUpdates());
        texts(out, i.fix().updates());
        out.writeBoolean(i.fix().expected().isPresent());
        if (i.fix().expected().isPresent()) {
            out.writeLong(i.fix().expected().get().toEpochDay());
        }
        text(out, i.fix().note());
        out.writeInt(i.workarounds().size());
        for (Workaround w : i.workarounds()) {
            text(out, w.title());
            texts(out, w.steps());
            texts(out, w.commands());
            texts(out, w.revert());
        }
        out.writeInt(i.links().size());
        for (Link l : i.links()) {
            text(out, l.rel());
            text(out, l.url());
        }
        out.writeInt(i.timeline().size());
        for (TimelineEntry t : i.timeline()) {
            time(out, t.at());
            out.writeByte(t.status().map(Enum::ordinal).orElse(-1));
            text(out, t.text());
        }
    }

    private static Incident incident(DataInputStream in) throws IOException {
        String id = text(in);
        String title = text(in);
        String summary = text(in);
        IncidentStatus status = IncidentStatus.values()[in.readByte()];
        Severity severity = Severity.values()[in.readByte()];
        Instant published = time(in);
        Instant modified = time(in);
        Optional<Instant> resolved = in.readBoolean() ? Optional.of(time(in)) : Optional.empty();
        List<String> releases = texts(in);
        List<String> variants = texts(in);
        List<String> arches = texts(in);
        int affectedCount = count(in);
        List<AffectedPackage> affected = new ArrayList<>(affectedCount);
        for (int k = 0; k < affectedCount; k++) {
            String name = text(in);
            Evr introduced = evr(in);
            Optional<Evr> fixed = optionalEvr(in);
            Optional<Evr> lastGood = optionalEvr(in);
            Optional<String> source = in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
            affected.add(new AffectedPackage(name, new VersionRange(introduced, fixed), lastGood, source));
        }
        List<String> badUpdates = texts(in);
        List<String> fixUpdates = texts(in);
        Optional<LocalDate> expected = in.readBoolean() ? Optional.of(LocalDate.ofEpochDay(in.readLong())) : Optional.empty();
        Fix fix = new Fix(fixUpdates, expected, text(in));
        int workaroundCount = count(in);
        List<Workaround> workarounds = new ArrayList<>(workaroundCount);
        for (int k = 0; k < workaroundCount; k++) {
            workarounds.add(new Workaround(text(in), texts(in), texts(in), texts(in)));
        }
        int linkCount = count(in);
        List<Link> links = new ArrayList<>(linkCount);
        for (int k = 0; k < linkCount; k++) {
            links.add(new Link(text(in), text(in)));
        }
        int timelineCount = count(in);
        List<TimelineEntry> timeline = new ArrayList<>(timelineCount);
        for (int k = 0; k < timelineCount; k++) {
            Instant at = time(in);
            byte s = in.readByte();
            timeline.add(new TimelineEntry(at, s < 0 ? Optional.empty() : Optional.of(IncidentStatus.values()[s]), text(in)));
        }
        return new Incident(id, title, summary, status, severity, published, modified, resolved, releases, variants, arches,
                affected, badUpdates, fix, workarounds, links, timeline);
    }

    private static void evr(DataOutputStream out, Evr evr) throws IOException {
        out.writeLong(evr.epoch());
        text(out, evr.version());
        text(out, evr.release());
    }

    private static Evr evr(DataInputStream in) throws IOException {
        return new Evr(in.readLong(), text(in), text(in));
    }

    private static void optionalEvr(DataOutputStream out, Optional<Evr> evr) throws IOException {
        out.writeBoolean(evr.isPresent());
        if (evr.isPresent()) {
            evr(out, evr.get());
        }
    }

    private static Optional<Evr> optionalEvr(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(evr(in)) : Optional.empty();
    }

    private static void time(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant time(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void texts(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            text(out, v);
        }
    }

    private static List<String> texts(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> values = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            values.add(text(in));
        }
        return values;
    }

    /** Length-prefixed UTF-8: decoding whole strings at once is far quicker than readUTF's char loop. */
    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("damaged: count " + n);
        }
        return n;
    }
}
