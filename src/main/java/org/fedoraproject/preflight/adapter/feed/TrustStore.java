package org.fedoraproject.preflight.adapter.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.preflight.adapter.system.RegularFiles;

/**
 * The public keys Preflight trusts for feeds: those bundled with Preflight (listed in
 * {@code trusted/keys.list} beside this class) and the user's, as {@code *.pub} PEM files in
 * {@code $XDG_CONFIG_HOME/preflight/trusted-keys/}. A key that cannot be read is reported, not
 * silently dropped.
 */
public final class TrustStore {

    private final List<FeedKeys.TrustedKey> keys;
    private final List<String> problems;

    private TrustStore(List<FeedKeys.TrustedKey> keys, List<String> problems) {
        this.keys = List.copyOf(keys);
        this.problems = List.copyOf(problems);
    }

    public static TrustStore load(Path userKeys) {
        List<FeedKeys.TrustedKey> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (InputStream list = TrustStore.class.getResourceAsStream("trusted/keys.list")) {
            if (list != null) {
                for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                    try (InputStream pem = TrustStore.class.getResourceAsStream("trusted/" + name)) {
                        keys.add(FeedKeys.readPublic(new String(pem.readAllBytes(), StandardCharsets.US_ASCII), "bundled " + name));
                    } catch (GeneralSecurityException | IOException | NullPointerException e) {
                        problems.add("bundled key " + name + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            problems.add("bundled keys: " + e.getMessage());
        }
        if (Files.isDirectory(userKeys)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(userKeys, "*.pub")) {
                for (Path file : files) {
                    try {
                        keys.add(FeedKeys.readPublic(RegularFiles.readString(file, RegularFiles.SMALL), file.toString()));
                    } catch (GeneralSecurityException | IOException e) {
                        problems.add(file + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                problems.add(userKeys + ": " + e.getMessage());
            }
        }
        return new TrustStore(keys, problems);
    }

    public static TrustStore of(List<FeedKeys.TrustedKey> keys) {
        return new TrustStore(keys, List.of());
    }

    public List<FeedKeys.TrustedKey> keys() {
        return keys;
    }

    public List<String> problems() {
        return problems;
    }
}
