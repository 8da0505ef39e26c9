package io.github.deepseek4j.conformance.tokenizer;

import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.gguf.GgufTokenizers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every vocabulary in ../shared/tokenizer encodes every one of its test inputs to exactly the expected ids. */
class TokenizerVectorsTest {

    @TestFactory
    Stream<DynamicTest> everyVectorOfEveryVocabularyPasses() throws IOException {
        List<Path> vocabularies = SharedData.tokenizerVocabularies();
        assertThat(vocabularies).hasSize(10);
        return vocabularies.stream().map(gguf -> DynamicTest.dynamicTest(gguf.getFileName().toString(), () -> {
            Tokenizer tokenizer = GgufTokenizers.load(gguf);
            List<TokenizerTestVectors.Case> cases =
                    TokenizerTestVectors.read(Path.of(gguf + ".inp"), Path.of(gguf + ".out"));
            assertThat(cases).hasSize(46);
            String failures = TokenizerTestVectors.run(tokenizer, cases).stream()
                    .filter(r -> !r.passed())
                    .map(r -> "input " + quote(r.testCase().input()) + "\n  expected " + Arrays.toString(r.testCase().expected())
                            + "\n  actual   " + Arrays.toString(r.actual()))
                    .collect(Collectors.joining("\n"));
            assertThat(failures).as("mismatches for " + gguf.getFileName()).isEmpty();
        }));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
