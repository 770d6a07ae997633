package org.fedoraproject.preflight.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.app.CheckService;
import picocli.CommandLine.Option;

/** The options {@code check} and {@code guide} share: what to check and against which feeds. */
final class CheckOptions {

    @Option(names = "--json")
    boolean json;

    @Option(names = "--root", paramLabel = "DIR")
    Path root;

    @Option(names = "--feed", paramLabel = "URL")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--offline")
    boolean offline;

    @Option(names = "--demo")
    boolean demo;

    @Option(names = "--refresh")
    boolean refresh;

    /**
     * The request these options describe. A feed named here may be plain http or a file (a plain
     * path is a local file), since the user names it; https otherwise.
     *
     * @throws IllegalArgumentException naming the feed that is not a usable URL
     */
    CheckService.Request request() {
        CheckService.Request request = request(root, feeds, offline, demo);
        return refresh ? request.refreshing() : request;
    }

    /** The same for the window's options, which are these without --json. */
    static CheckService.Request request(Path root, List<String> feeds, boolean offline, boolean demo) {
        List<FeedSource> sources = new ArrayList<>();
        for (String url : feeds) {
            try {
                URI uri = url.contains(":") ? URI.create(url) : Path.of(url).toAbsolutePath().toUri();
                sources.add(new FeedSource(uri, Optional.empty(), !"https".equalsIgnoreCase(uri.getScheme())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--feed " + url + ": " + e.getMessage(), e);
            }
        }
        return new CheckService.Request(Optional.ofNullable(root), sources, offline, demo);
    }
}
