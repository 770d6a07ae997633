package org.fedoraproject.preflight.adapter.desktop;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens an https link in the user's browser with {@code xdg-open} (inside the Flatpak, the
 * OpenURI portal's xdg-open): for the window the background instance opens, where JavaFX's
 * HostServices (an Application's) are not to be had. Only https links are opened; the link is
 * one argument, never passed through a shell; nothing is waited for.
 */
public final class LinkOpener implements Consumer<String> {

    private final List<String> command;
    private final Consumer<String> log;

    /** {@code command}: the opener and its first arguments (xdg-open, or a test's stand-in). */
    public LinkOpener(List<String> command, Consumer<String> log) {
        this.command = List.copyOf(command);
        this.log = log;
    }

    public static LinkOpener xdgOpen(Consumer<String> log) {
        return new LinkOpener(List.of("xdg-open"), log);
    }

    @Override
    public void accept(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            log.accept("not a link: " + url);
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            log.accept("only https links are opened: " + url);
            return;
        }
        List<String> argv = new ArrayList<>(command);
        argv.add(uri.toString());
        try {
            new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            log.accept("cannot open " + url + " (" + e.getMessage() + ")");
        }
    }
}
