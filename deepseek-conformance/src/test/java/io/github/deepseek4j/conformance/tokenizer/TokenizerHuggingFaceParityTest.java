package io.github.deepseek4j.conformance.tokenizer;

import io.github.deepseek4j.gguf.GgufTokenizers;
import io.github.deepseek4j.testing.MixedScriptText;
import io.github.deepseek4j.testing.SharedData;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.hf.HuggingFaceTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** DeepSeek-V3's tokenizer.json and its GGUF vocabulary are the same tokenizer. */
class TokenizerHuggingFaceParityTest {

    private static Tokenizer fromJson;
    private static Tokenizer fromGguf;
    private static Path gguf;

    @BeforeAll
    static void load() throws IOException {
        gguf = SharedData.require("tokenizer/ggml-vocab-deepseek-v3.gguf");
        fromJson = HuggingFaceTokenizer.load(SharedData.require("tokenizer/deepseek-v3-hf"));
        fromGguf = GgufTokenizers.load(gguf);
    }

    @Test
    void sameVocabularyAndSpecialTokens() {
        assertThat(fromJson.vocabularySize()).isEqualTo(fromGguf.vocabularySize());
        for (int id = 0; id < fromGguf.vocabularySize(); id++) {
            assertThat(fromJson.tokenText(id)).as("token %d", id).isEqualTo(fromGguf.tokenText(id));
            assertThat(fromJson.tokenType(id)).as("type of token %d", id).isEqualTo(fromGguf.tokenType(id));
        }
        assertThat(fromJson.bosId()).isEqualTo(fromGguf.bosId()).isZero();
        assertThat(fromJson.eosId()).isEqualTo(fromGguf.eosId()).isEqualTo(1);
        assertThat(fromJson.vocabulary().addBos()).isEqualTo(fromGguf.vocabulary().addBos()).isTrue();
        assertThat(fromGguf.eotId()).isEqualTo(fromJson.eotId()).isEqualTo(1);
        assertThat(fromGguf.isEndOfGeneration(1)).isTrue();
        assertThat(fromGguf.isEndOfGeneration(128805)).isTrue(); // <|EOT|>
        assertThat(fromGguf.isEndOfGeneration(0)).isFalse();
    }

    @Test
    void jsonTokenizerPassesTheGgufVectors() throws IOException {
        List<TokenizerTestVectors.Case> cases = TokenizerTestVectors.read(Path.of(gguf + ".inp"), Path.of(gguf + ".out"));
        assertThat(TokenizerTestVectors.run(fromJson, cases)).allMatch(TokenizerTestVectors.Result::passed);
    }

    @Test
    void sameIdsOnRandomMixedScriptText() {
        Random random = new Random(20260129);
        for (int i = 0; i < 400; i++) {
            String text = MixedScriptText.random(random, 1 + random.nextInt(80));
            for (boolean parseSpecial : new boolean[] {false, true}) {
                int[] expected = fromGguf.encode(text, true, parseSpecial);
                assertThat(fromJson.encode(text, true, parseSpecial)).as("%s (parseSpecial=%s)", text, parseSpecial)
                        .isEqualTo(expected);
            }
            assertThat(fromJson.decode(fromJson.encode(text, false, false))).isEqualTo(text);
        }
    }
}
