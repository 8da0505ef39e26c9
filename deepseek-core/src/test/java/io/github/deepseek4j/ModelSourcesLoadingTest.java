package io.github.deepseek4j;

import io.github.deepseek4j.source.ModelCache;
import io.github.deepseek4j.testing.SharedData;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Models load from archives and from the classpath exactly as from the plain file. */
class ModelSourcesLoadingTest {

    @TempDir
    Path dir;

    @Test
    void archiveAndClasspathModelsGiveTheSameLogits() throws Exception {
        Path gguf = SharedData.require("models/stories260K.gguf");
        Path archive = dir.resolve("stories.tar.gz");
        try (OutputStream file = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            TarArchiveEntry entry = new TarArchiveEntry("stories260K.gguf");
            entry.setSize(Files.size(gguf));
            tar.putArchiveEntry(entry);
            Files.copy(gguf, tar);
            tar.closeArchiveEntry();
        }
        Path classes = Files.createDirectories(dir.resolve("classes/models"));
        Files.copy(gguf, classes.resolve("stories.gguf"));
        ModelCache cache = ModelCache.at(dir.resolve("cache"));
        int[] prompt = {1, 403, 407, 261, 378};

        float[] expected;
        try (Model model = Model.load(gguf); Session s = model.newSession()) {
            expected = s.forward(prompt);
        }
        try (Model model = Model.builder(archive).cache(cache).build(); Session s = model.newSession()) {
            assertThat(model.path()).startsWith(cache.root());
            assertThat(s.forward(prompt)).containsExactly(expected);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            try (Model model = Model.fromClasspath("models/stories.gguf").cache(cache).build(); Session s = model.newSession()) {
                assertThat(s.forward(prompt)).containsExactly(expected);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
