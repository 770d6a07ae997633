package org.fedoraproject.preflight.adapter.system;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.Advisory;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.Nevra;

/**
 * A repository's {@code updateinfo.xml}, read in one streaming pass the way libsolv reads it for
 * dnf: an advisory's date is the later of {@code issued} and {@code updated} (what dnf prints as
 * "Updated"), a date is "YYYY-MM-DD HH:MM:SS" in UTC or UNIX seconds (anything else, a date without
 * a time too, libsolv reads as 0: no date); a severity of "None" is none. A package rpm could not have is skipped, and an advisory left
 * with none. Which packages concern the system is RepodataAdvisories.Parsed#select's business. No DTD and no external entity is ever read.
 */
final class UpdateinfoXml {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final XMLInputFactory FACTORY = factory();

    private UpdateinfoXml() {
    }

    static List<Advisory> read(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
        List<Advisory> advisories = new ArrayList<>();
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("update")) {
                    update(xml).ifPresent(advisories::add);
                }
            }
        } finally {
            xml.close();
        }
        return advisories;
    }

    /** One {@code <update>}, the reader on its start tag; leaves it on the end tag. */
    private static Optional<Advisory> update(XMLStreamReader xml) throws XMLStreamException {
        String type = SafeText.line(attribute(xml, "type"));
        String id = "";
        String severity = "";
        Instant date = null;
        List<Nevra> packages = new ArrayList<>();
        Set<Long> bugs = new LinkedHashSet<>();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            switch (xml.getLocalName()) {
                case "id" -> {
                    id = SafeText.line(xml.getElementText()).strip();
                    depth--;
                }
                case "severity" -> {
                    String s = SafeText.line(xml.getElementText()).strip();
                    severity = s.equalsIgnoreCase("None") ? "" : s;
                    depth--;
                }
                case "issued", "updated" -> {
                    Optional<Instant> t = time(attribute(xml, "date"));
                    if (t.isPresent() && (date == null || t.get().isAfter(date))) {
                        date = t.get();
                    }
                }
                case "reference" -> {
                    String bug = attribute(xml, "id");
                    if (attribute(xml, "type").equals("bugzilla") && bug.matches("[0-9]{1,10}")) {
                        bugs.add(Long.parseLong(bug));
                    }
                }
                case "package" -> nevra(xml).ifPresent(packages::add);
                default -> { }
            }
        }
        if (id.isEmpty() || packages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Advisory(id, type, severity, Optional.ofNullable(date), packages, List.copyOf(bugs)));
    }

    private static Optional<Nevra> nevra(XMLStreamReader xml) {
        String epoch = attribute(xml, "epoch");
        try {
            Evr evr = new Evr(epoch.isEmpty() ? 0 : Long.parseLong(epoch), attribute(xml, "version"), attribute(xml, "release"));
            return Optional.of(new Nevra(attribute(xml, "name"), evr, attribute(xml, "arch")));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a package name or version rpm could have: never one that is pending
        }
    }

    static Optional<Instant> time(String text) {
        String t = text.strip();
        try {
            Instant time = t.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(t))
                    : LocalDateTime.parse(t, DATE_TIME).toInstant(ZoneOffset.UTC);
            return time.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(time);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
