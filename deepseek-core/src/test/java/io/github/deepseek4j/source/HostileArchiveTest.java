package io.github.deepseek4j.source;

import io.github.deepseek4j.ModelFormatException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, item 9 (sources): a truncated download and a NUL in an entry name are ModelFormatExceptions, a
 * directory given as the model an IOException naming it.
 */
class HostileArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aTruncatedTarXzNamesTheArchive() throws IOException {
        Path whole = TestArchives.tarXz(dir.resolve("whole.tar.xz"), "m.gguf", TestArchives.model(4096));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.tar.xz"), Arrays.copyOf(bytes, bytes.length / 2));
        ModelCache cache = ModelCache.at(dir.resolve("cache"));
        assertThatThrownBy(() -> ModelSources.resolve(cut, cache)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("cut.tar.xz").hasMessageContaining("truncated");
        try (Stream<Path> files = Files.list(cache.root())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDirectoryIsNamedNotMapped() {
        assertThatThrownBy(() -> ModelSources.resolve(dir, ModelCache.at(dir.resolve("cache"))))
                .isInstanceOf(java.nio.file.FileSystemException.class).hasMessageContaining(dir.toString())
                .hasMessageContaining("is a directory").hasMessageContaining(".gguf");
    }

    @Test
    void aNulInAZipEntryNameIsRefused() throws IOException {
        Path zip = dir.resolve("nul.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            out.putArchiveEntry(new ZipArchiveEntry("evil\0.gguf"));
            out.write(TestArchives.model(4096));
            out.closeArchiveEntry();
        }
        assertThatThrownBy(() -> ModelSources.resolve(zip, ModelCache.at(dir.resolve("cache"))))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("NUL").hasMessageContaining("nul.zip");
    }
}
