package io.github.deepseek4j.conformance;

import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** House rules that keep the library embeddable, checked over the sources of every library module. */
class ArchitectureRulesTest {

    private static final List<String> LIBRARY_MODULES = List.of("deepseek-core", "deepseek-quant", "deepseek-tokenizer");
    private static final String VECTOR_PACKAGE = "deepseek-quant/src/main/java/io/github/deepseek4j/quant/vector/";

    @Test
    void onlyTheVectorPackageImportsTheIncubatorModule() throws IOException {
        assertThat(offenders(Pattern.compile("^import\\s+(static\\s+)?jdk\\.incubator\\.", Pattern.MULTILINE)))
                .isNotEmpty().allMatch(path -> path.replace('\\', '/').contains(VECTOR_PACKAGE));
    }

    @Test
    void theLibraryNeverPrintsNorSetsSystemProperties() throws IOException {
        assertThat(offenders(Pattern.compile("System\\.(out|err)\\b|System\\.setProperty|\\.printStackTrace\\(")))
                .as("library code logs through SLF4J and leaves global JVM state alone").isEmpty();
    }

    private static List<String> offenders(Pattern pattern) throws IOException {
        Path root = SharedData.repositoryRoot();
        try (Stream<Path> files = LIBRARY_MODULES.stream().map(m -> root.resolve(m).resolve("src/main/java"))
                .flatMap(ArchitectureRulesTest::walk)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> pattern.matcher(code(read(p))).find())
                    .map(p -> root.relativize(p).toString()).toList();
        }
    }

    /** The source without comment lines, so that Javadoc examples may show {@code System.out}. */
    private static String code(String source) {
        return source.lines().filter(line -> {
            String t = line.strip();
            return !(t.startsWith("*") || t.startsWith("/*") || t.startsWith("//"));
        }).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
