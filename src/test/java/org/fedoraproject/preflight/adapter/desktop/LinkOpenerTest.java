package org.fedoraproject.preflight.adapter.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links from the background instance's window: https only, one argument, no shell between. */
class LinkOpenerTest {

    @TempDir
    Path dir;

    @Test
    void anHttpsLinkIsHandedToTheOpenerAsOneArgument() throws Exception {
        Path got = dir.resolve("opened");
        List<String> log = new CopyOnWriteArrayList<>();
        // A stand-in for xdg-open that writes down the one argument it was given.
        LinkOpener opener = new LinkOpener(List.of("sh", "-c", "printf '%s' \"$1\" > " + got, "sh"), log::add);
        String url = "https://bugzilla.redhat.com/show_bug.cgi?id=1&x=$(id);rm%20-rf%20~";
        opener.accept(url);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(got) && Files.size(got) > 0);
        assertEquals(url, Files.readString(got), "passed as it is, never run by a shell");
        assertEquals(List.of(), log);
        opener.accept("javascript:alert(1)");
        opener.accept("file:///etc/shadow");
        assertEquals(2, log.size());
        assertTrue(log.get(0).startsWith("only https links are opened"), log.toString());
    }
}
