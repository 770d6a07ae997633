package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * When the package manager last downloaded repository metadata: the oldest {@code repomd.xml}
 * among the repositories in its cache, since the oldest one limits how current the list of
 * pending updates is.
 */
final class MetadataAge {

    private MetadataAge() {
    }

    static Optional<Instant> of(Path cacheDir) {
        Instant oldest = null;
        try (DirectoryStream<Path> repos = Files.newDirectoryStream(cacheDir, Files::isDirectory)) {
            for (Path repo : repos) {
                Path repomd = repo.resolve("repodata/repomd.xml");
                if (Files.isRegularFile(repomd)) {
                    Instant time = Files.getLastModifiedTime(repomd).toInstant();
                    oldest = oldest == null || time.isBefore(oldest) ? time : oldest;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(oldest);
    }
}
