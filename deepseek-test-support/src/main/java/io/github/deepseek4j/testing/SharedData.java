package io.github.deepseek4j.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the project's shared test data ({@code ../shared} beside the repository root).
 *
 * <p>When the data (or one file of it) is missing, a test is skipped with a message saying what
 * is missing, except under {@code CI=true}, where a missing file is a failure: CI always has it.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The repository root: the build passes it as {@code deepseek.repo.root}; else found upward from the working directory. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("deepseek.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }

    /** {@code ../shared} relative to the repository root (it may not exist). */
    public static Path root() {
        return repositoryRoot().resolve("../shared").normalize();
    }

    /**
     * Returns {@code ../shared/<relative>}, skipping the calling test when it does not exist
     * (failing instead when the environment variable {@code CI} is {@code true}).
     */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            String message = "shared test data not found: " + path
                    + " (expected ../shared beside the repository root; see DEVELOPERS.md)";
            if (isCi()) {
                Assertions.fail(message + " - CI=true, so missing shared data is a failure");
            }
            Assumptions.abort(message);
        }
        return path;
    }

    /** The vocabularies of {@code ../shared/tokenizer} that come with test vectors ({@code X.gguf.inp}), sorted. */
    public static List<Path> tokenizerVocabularies() throws IOException {
        try (Stream<Path> files = Files.list(require("tokenizer"))) {
            return files.filter(p -> p.toString().endsWith(".gguf"))
                    .filter(p -> Files.exists(Path.of(p + ".inp")))
                    .sorted().toList();
        }
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
