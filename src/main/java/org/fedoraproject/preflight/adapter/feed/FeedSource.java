package org.fedoraproject.preflight.adapter.feed;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;

/**
 * A feed to read: its URL, the public key (PEM) that must have signed it (empty: any trusted
 * key), and whether plain {@code http:} or {@code file:} is allowed — only for a feed the user
 * explicitly added as local, or for testing. Everything else is https.
 */
public record FeedSource(URI url, Optional<String> publicKey, boolean local) {

    public FeedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(publicKey, "publicKey");
        problem(url, local).ifPresent(p -> {
            throw new IllegalArgumentException(Messages.english().render(p));
        });
    }

    /** Why this address cannot be a feed (https only, unless local; a host unless a file), or empty. */
    public static Optional<Text> problem(URI url, boolean local) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https");
        boolean plain = scheme.equals("http") || scheme.equals("file");
        if (!secure && !(plain && local)) {
            return Optional.of(Text.of(plain ? "feed.source.notLocal" : "feed.source.notHttps", url.toString()));
        }
        if (!scheme.equals("file") && url.getHost() == null) {
            return Optional.of(Text.of("feed.source.noHost", url.toString()));
        }
        return Optional.empty();
    }

    public static FeedSource https(String url) {
        return new FeedSource(URI.create(url), Optional.empty(), false);
    }

    public static FeedSource local(String url) {
        return new FeedSource(URI.create(url), Optional.empty(), true);
    }

    public FeedSource withKey(String pem) {
        return new FeedSource(url, Optional.of(pem), local);
    }

    /** Where the detached signature is: the feed's URL with {@code .sig} appended. */
    public URI signatureUrl() {
        return URI.create(url.toString() + ".sig");
    }
}
