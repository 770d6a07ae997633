package org.fedoraproject.preflight.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.VersionRange;
import org.junit.jupiter.api.Test;

class IncidentCatalogTest {

    static Incident incident(String id, String title, String modified) {
        return new Incident(id, title, "", IncidentStatus.IDENTIFIED, Severity.MAJOR, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse(modified), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(new AffectedPackage("mesa-dri-drivers", VersionRange.from(Evr.parse("25.1.4-1.fc43")), Optional.empty())),
                List.of(), Fix.NONE, List.of(), List.of(), List.of());
    }

    static Feed feed(Incident... incidents) {
        return new Feed(Feed.FORMAT, "test", Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-12-20T00:00:00Z"),
                List.of(incidents));
    }

    @Test
    void mergesByIdKeepingTheLatestAndItsSource() {
        List<SourcedIncident> merged = IncidentCatalog.merge(List.of(
                new IncidentCatalog.Published("https://official", feed(
                        incident("FPS-1", "old words", "2026-11-02T00:00:00Z"),
                        incident("FPS-2", "only official", "2026-11-02T00:00:00Z"))),
                new IncidentCatalog.Published("https://mine", feed(
                        incident("FPS-1", "new words", "2026-11-03T00:00:00Z"),
                        incident("MINE-1", "only mine", "2026-11-02T00:00:00Z")))));
        assertEquals(List.of("FPS-1", "FPS-2", "MINE-1"), merged.stream().map(s -> s.incident().id()).toList());
        assertEquals("new words", merged.get(0).incident().title());
        assertEquals("https://mine", merged.get(0).source());
        assertEquals(List.of("https://official"), merged.get(0).alsoIn());
        assertEquals("https://official", merged.get(1).source());
    }

    @Test
    void onATieTheFeedListedFirstWins() {
        List<SourcedIncident> merged = IncidentCatalog.merge(List.of(
                new IncidentCatalog.Published("https://official", feed(incident("FPS-1", "official", "2026-11-02T00:00:00Z"))),
                new IncidentCatalog.Published("https://mine", feed(incident("FPS-1", "mine", "2026-11-02T00:00:00Z")))));
        assertEquals("official", merged.get(0).incident().title());
    }
}
