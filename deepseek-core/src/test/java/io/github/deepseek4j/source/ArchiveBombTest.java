package io.github.deepseek4j.source;

import io.github.deepseek4j.ModelFormatException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, item 6: decompression bombs stop early with a clear error and leave nothing in the cache. */
class ArchiveBombTest {

    private static final long BOMB_BYTES = 64L << 20;

    @TempDir
    Path dir;

    /** A .tar.gz of a few hundred KB that unpacks to {@code head} and then {@link #BOMB_BYTES} zeros. */
    private Path bomb(String name, byte[] head) throws IOException {
        Path archive = dir.resolve(name);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
            TarArchiveEntry entry = new TarArchiveEntry("model.gguf");
            entry.setSize(head.length + BOMB_BYTES);
            tar.putArchiveEntry(entry);
            tar.write(head);
            writeZeros(tar);
            tar.closeArchiveEntry();
        }
        assertThat(Files.size(archive)).isLessThan(BOMB_BYTES / 100);
        return archive;
    }

    private static void writeZeros(OutputStream out) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long i = 0; i < BOMB_BYTES; i += zeros.length) {
            out.write(zeros);
        }
    }

    @Test
    void aBombThatIsNotAGgufStopsAtItsFirstBytes() throws IOException {
        ModelCache cache = ModelCache.at(dir.resolve("cache"));
        Path tar = bomb("bomb.tar.gz", new byte[0]);
        assertThatThrownBy(() -> ModelSources.resolve(tar, cache)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'model.gguf' is not a GGUF file").hasMessageContaining("00 00 00 00");
        Path gz = dir.resolve("bomb.gguf.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz))) {
            out.write("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
            writeZeros(out);
        }
        assertThatThrownBy(() -> ModelSources.resolve(gz, cache)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'bomb.gguf' is not a GGUF file").hasMessageContaining("50 4b 03 04");
        assertCacheEmpty(cache);
    }

    @Test
    void aBombWithTheGgufMagicStopsAtTheLimitAndIsRemoved() throws IOException {
        ModelCache cache = ModelCache.at(dir.resolve("cache")).withMaxUnpackedBytes(1 << 20);
        Path tar = bomb("magic.tar.gz", "GGUF".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ModelSources.resolve(tar, cache)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("more than the limit of 1048576 bytes").hasMessageContaining("free disk space")
                .hasMessageContaining("partial files were removed");
        assertCacheEmpty(cache);
    }

    @Test
    void theDefaultLimitIsCappedByTheFreeDiskSpace() throws IOException {
        ModelCache cache = ModelCache.at(dir.resolve("cache"));
        long limit = cache.unpackLimit();
        long usable = Files.getFileStore(cache.root()).getUsableSpace();
        assertThat(cache.maxUnpackedBytes()).isEqualTo(ModelCache.DEFAULT_MAX_UNPACKED_BYTES);
        assertThat(limit).isLessThanOrEqualTo(Math.max(0, usable - ModelCache.DISK_SPACE_MARGIN_BYTES + (64L << 20)))
                .isLessThanOrEqualTo(ModelCache.DEFAULT_MAX_UNPACKED_BYTES);
        assertThat(cache.withMaxUnpackedBytes(1000).unpackLimit()).isLessThanOrEqualTo(1000);
    }

    private static void assertCacheEmpty(ModelCache cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.root())) {
            assertThat(files).as("a failed unpack leaves nothing behind").isEmpty();
        }
    }
}
