package io.github.deepseek4j.quant;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the vector package may touch the incubator module: everything else must load without it. */
class VectorApiConfinementTest {

    @Test
    void onlyTheVectorPackageImportsTheIncubatorModule() throws IOException {
        Path sources = Path.of("src/main/java/io/github/deepseek4j/quant");
        assertThat(sources).isDirectory();
        Path vector = sources.resolve("vector");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> offenders = files
                    .filter(p -> p.toString().endsWith(".java") && !p.startsWith(vector))
                    .filter(p -> read(p).contains("jdk.incubator.vector."))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }
}
