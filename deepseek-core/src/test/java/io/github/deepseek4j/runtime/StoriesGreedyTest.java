package io.github.deepseek4j.runtime;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.GenerationResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.StopReason;
import io.github.deepseek4j.conformance.ConformanceCase;
import io.github.deepseek4j.testing.SharedData;
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
}
