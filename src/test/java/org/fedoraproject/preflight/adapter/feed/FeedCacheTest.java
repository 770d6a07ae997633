package org.fedoraproject.preflight.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two checks keeping different copies at once, and a third reading: the kept copy is never lost. */
class FeedCacheTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersNeverLeaveTheRecordPointingAtADeletedBody() throws Exception {
        FeedCache cache = new FeedCache(dir);
        String url = "https://example.org/incidents.json";
        cache.store(new FeedCache.Entry(url, "first".getBytes(StandardCharsets.UTF_8), "sig", Optional.empty(), Optional.empty(),
                Instant.EPOCH));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> lost = new CopyOnWriteArrayList<>();
        try {
            List<Future<Object>> writers = List.of("A", "B").stream().map(w -> pool.submit(() -> {
                for (int k = 0; k < 200; k++) {
                    cache.store(new FeedCache.Entry(url, (w + k).getBytes(StandardCharsets.UTF_8), "sig-" + w + k, Optional.empty(),
                            Optional.empty(), Instant.EPOCH));
                }
                return null;
            })).toList();
            Future<?> reader = pool.submit(() -> {
                while (writing.get()) {
                    if (cache.load(url).isEmpty()) {
                        lost.add("no kept copy while another was written");
                    }
                }
            });
            for (Future<Object> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), lost.stream().distinct().toList());
        FeedCache.Entry kept = cache.load(url).orElseThrow();
        assertTrue(new String(kept.body(), StandardCharsets.UTF_8).matches("[AB]199"), new String(kept.body(), StandardCharsets.UTF_8));
        assertEquals("sig-" + new String(kept.body(), StandardCharsets.UTF_8), kept.signature(), "the record and its body belong together");
    }

    @Test
    void aTamperedBodyOfTheSameNameAndSizeIsRewrittenByTheNextGoodDownload() throws Exception {
        FeedCache cache = new FeedCache(dir);
        String url = "https://feeds.example.org/incidents.json";
        byte[] good = "{\"format\":\"good\"}".getBytes(StandardCharsets.UTF_8);
        cache.store(new FeedCache.Entry(url, good, "sig", Optional.empty(), Optional.empty(), Instant.EPOCH));
        Path body;
        try (var files = Files.list(dir)) {
            body = files.filter(p -> p.toString().endsWith(".feed")).findFirst().orElseThrow();
        }
        byte[] tampered = "{\"format\":\"evil\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(good.length, tampered.length);
        Files.write(body, tampered);
        cache.store(new FeedCache.Entry(url, good, "sig", Optional.empty(), Optional.empty(), Instant.EPOCH.plusSeconds(60)));
        assertTrue(Arrays.equals(good, Files.readAllBytes(body)), "the good bytes are back");
        assertTrue(Arrays.equals(good, cache.load(url).orElseThrow().body()));
    }
}
