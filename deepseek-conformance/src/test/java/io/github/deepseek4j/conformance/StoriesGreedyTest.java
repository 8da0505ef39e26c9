package io.github.deepseek4j.conformance;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.GenerationResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.StopReason;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Real trained weights: greedy decoding of stories260K reproduces llama.cpp's tokens exactly. */
class StoriesGreedyTest {

    @ParameterizedTest
    @ValueSource(strings = {"real-stories260k-f32-lily", "real-stories260k-f32-once"})
    void greedyContinuationMatchesLlamaCpp(String name) throws Exception {
        Path dir = SharedData.require("conformance");
        ConformanceCase c = ConformanceCase.read(dir, dir.resolve("cases/" + name + ".json"));
        int[] expected = c.llamacppGreedy();
        try (Model model = Model.builder(c.model()).threads(2).build()) {
            GenerationResult r = model.generate(c.prompt(), GenerationOptions.builder().maxTokens(expected.length).build());
            assertThat(r.tokens()).containsExactly(expected);
            assertThat(r.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
            assertThat(r.promptTokens()).isEqualTo(c.promptLength());
            assertThat(r.decodeSteps()).isEqualTo(expected.length - 1);
            assertThat(r.prefillTokensPerSecond()).isPositive();
        }
    }

    @Test
    void greedyTextIsTheReferenceContinuation() throws Exception {
        Path dir = SharedData.require("conformance");
        ConformanceCase c = ConformanceCase.read(dir, dir.resolve("cases/real-stories260k-f32-once.json"));
        try (Model model = Model.builder(SharedData.require("models/stories260K.gguf")).threads(2).build()) {
            GenerationResult r = model.generate("Once upon a time", GenerationOptions.builder().maxTokens(64).build());
            assertThat(r.tokens()).containsExactly(c.llamacppGreedy());
            assertThat(r.promptTokens()).isEqualTo(c.promptLength());
            assertThat(r.text()).startsWith(", there was a little girl named Lily. She loved to play outside in the park.")
                    .isEqualTo(model.tokenizer().decode(c.llamacppGreedy()));
            assertThat(r.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
            assertThat(r.timeToFirstToken()).isPositive();
        }
    }
}
