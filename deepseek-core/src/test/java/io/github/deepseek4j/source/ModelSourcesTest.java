package io.github.deepseek4j.source;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSourcesTest {

    @TempDir
    Path dir;
    ModelCache cache;
    byte[] model;

    @BeforeEach
    void writeModel() throws IOException {
        cache = ModelCache.at(dir.resolve("cache"));
        Path file = dir.resolve("m.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("t", GgmlType.F32, new long[] {8}, GgufWriter.TensorData.ofFloats(new float[8]))
                .write(file);
        model = Files.readAllBytes(file);
        Files.delete(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.tar", "model.tar.gz", "model.tgz", "model.tar.xz", "model.zip"})
    void archivesUnpackOnceIntoTheCache(String name) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("README.md", "a model".getBytes());
        entries.put("dir/model.gguf", model);
        Path archive = pack(name, entries);

        Path resolved = ModelSources.resolve(archive, cache);
        assertThat(resolved.getFileName().toString()).isEqualTo("model.gguf");
        assertThat(resolved).startsWith(cache.root());
        assertThat(Files.readAllBytes(resolved)).isEqualTo(model);
        try (GgufFile gguf = GgufFile.open(resolved)) {
            assertThat(gguf.tensorInfos()).hasSize(1);
        }
        long modified = Files.getLastModifiedTime(resolved).toMillis();
        assertThat(ModelSources.resolve(archive, cache)).isEqualTo(resolved);
        assertThat(Files.getLastModifiedTime(resolved).toMillis()).isEqualTo(modified);
        try (var files = Files.list(cache.root())) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
        }
    }

    @Test
    void plainGzipAndPlainGguf() throws IOException {
        Path gz = dir.resolve("x.gguf.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz))) {
            out.write(model);
        }
        assertThat(ModelSources.resolve(gz, cache).getFileName().toString()).isEqualTo("x.gguf");
        Path plain = Files.write(dir.resolve("plain.gguf"), model);
        assertThat(ModelSources.resolve(plain, cache)).isEqualTo(plain);
    }

    @Test
    void splitSetsResolveToTheirFirstPart() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("m-00002-of-00002.gguf", model);
        entries.put("m-00001-of-00002.gguf", model);
        assertThat(ModelSources.resolve(pack("split.tar", entries), cache).getFileName().toString())
                .isEqualTo("m-00001-of-00002.gguf");
        entries.remove("m-00002-of-00002.gguf");
        assertThatThrownBy(() -> ModelSources.resolve(pack("half.tar", entries), cache))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("incomplete split model");
    }

    @Test
    void unsafeOrAmbiguousArchivesAreRefused() throws IOException {
        assertThatThrownBy(() -> ModelSources.resolve(pack("evil.tar", Map.of("../../evil.gguf", model)), cache))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("points outside");
        assertThatThrownBy(() -> ModelSources.resolve(pack("evil.zip", Map.of("/etc/evil.gguf", model)), cache))
                .hasMessageContaining("points outside");
        assertThatThrownBy(() -> ModelSources.resolve(pack("two.zip", Map.of("a.gguf", model, "b.gguf", model)), cache))
                .hasMessageContaining("more than one model");
        assertThatThrownBy(() -> ModelSources.resolve(pack("none.tar", Map.of("README", model)), cache))
                .hasMessageContaining("no .gguf");
        ModelCache small = cache.withMaxUnpackedBytes(100);
        assertThatThrownBy(() -> ModelSources.resolve(pack("big.tar", Map.of("m.gguf", model)), small))
                .hasMessageContaining("more than the limit");
        try (var files = Files.list(cache.root())) {
            assertThat(files.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")))
                    .as("failed extractions leave nothing in the cache").isEmpty();
        }
    }

    @Test
    void classpathResourcesInAJar() throws IOException {
        Path jar = pack("models.jar.zip", Map.of("models/demo.gguf", model, "models/demo.tar.gz",
                Files.readAllBytes(pack("inner.tar.gz", Map.of("demo.gguf", model)))));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Path direct = ModelSources.fromClasspath("models/demo.gguf", loader, cache);
            assertThat(Files.readAllBytes(direct)).isEqualTo(model);
            assertThat(ModelSources.fromClasspath("/models/demo.gguf", loader, cache)).isEqualTo(direct);
            Path packed = ModelSources.fromClasspath("models/demo.tar.gz", loader, cache);
            assertThat(Files.readAllBytes(packed)).isEqualTo(model);
            assertThatThrownBy(() -> ModelSources.fromClasspath("models/none.gguf", loader, cache))
                    .hasMessageContaining("classpath:models/none.gguf");
        }
    }

    private Path pack(String name, Map<String, byte[]> entries) throws IOException {
        Path archive = dir.resolve(name);
        OutputStream file = Files.newOutputStream(archive);
        if (name.endsWith(".zip")) {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
                write(zip, entries, ZipArchiveEntry::new);
            }
            return archive;
        }
        OutputStream compressed = name.endsWith(".tar") ? file
                : name.endsWith(".xz") ? new XZCompressorOutputStream(file) : new GzipCompressorOutputStream(file);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            write(tar, entries, n -> new TarArchiveEntry(n, true));
        }
        return archive;
    }

    private static <E extends org.apache.commons.compress.archivers.ArchiveEntry> void write(
            ArchiveOutputStream<E> out, Map<String, byte[]> entries, java.util.function.Function<String, E> entryFor)
            throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            E entry = entryFor.apply(e.getKey());
            if (entry instanceof TarArchiveEntry tar) {
                tar.setSize(e.getValue().length);
            }
            out.putArchiveEntry(entry);
            out.write(e.getValue());
            out.closeArchiveEntry();
        }
        out.finish();
    }
}
