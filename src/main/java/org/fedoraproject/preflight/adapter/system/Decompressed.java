package org.fedoraproject.preflight.adapter.system;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A repository metadata file opened by its name's compression, as createrepo_c writes them
 * ({@code .zst}, {@code .xz}, {@code .gz} or none), and cut off past {@code limit} bytes
 * uncompressed, so that a corrupt or hostile cache cannot fill the memory.
 */
final class Decompressed {

    private Decompressed() {
    }

    private static boolean supported(String name) {
        return name.endsWith(".zst") || name.endsWith(".xz") || name.endsWith(".gz") || name.endsWith(".xml");
    }

    static InputStream open(Path file, long limit) throws IOException {
        String name = file.getFileName().toString();
        if (!supported(name)) {
            throw new IOException("unknown compression: " + name);
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            InputStream plain = name.endsWith(".zst") ? new ZstdInputStream(raw)
                    : name.endsWith(".xz") ? new XZInputStream(raw)
                    : name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
                    : raw;
            return new Bounded(plain, limit);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Fails once more than {@code limit} bytes have been read. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            left -= n;
            if (left < 0) {
                throw new IOException("larger than the limit of metadata read");
            }
        }
    }
}
