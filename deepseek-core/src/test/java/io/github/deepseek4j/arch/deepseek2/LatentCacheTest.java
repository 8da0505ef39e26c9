package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.arch.Architectures;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.testing.Float64;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine attends over a cache of only {@code kv_lora_rank + rope} values per position and layer (absorbed
 * MLA) and gives the logits of the expanded per-head attention, in both GGUF layouts.
 */
class LatentCacheTest {

    private static final int[] TOKENS = {318, 165, 77, 202, 24, 37, 274, 48, 187, 298, 29, 259};

    @ParameterizedTest
    @ValueSource(strings = {"tiny-deepseek2-f16", "tiny-deepseek3-mla-f16"})
    void latentCacheGivesTheExpandedAttentionLogits(String name) throws Exception {
        Path file = SharedData.require("conformance/models/" + name + ".gguf");
        double[][] expanded;
        try (GgufFile gguf = GgufFile.open(file)) {
            expanded = new ExpandedDeepSeek2Reference(gguf).logits(TOKENS);
            assertThat(Architectures.forName("deepseek2").cacheValuesPerToken(gguf)).isEqualTo(2L * (256 + 32));
        }
        try (Model model = Model.builder(file).threads(2).contextLength(32).build(); Session s = model.newSession()) {
            // kv_lora_rank 256 + rope 32 float32 values per position, for each of the 2 layers
            assertThat(model.cacheBytesPerToken()).isEqualTo(2L * (256 + 32) * 4);
            assertThat(s.cacheBytes()).isEqualTo(32 * model.cacheBytesPerToken());
            int prompt = 5;
            float[][] rows = s.forwardAll(java.util.Arrays.copyOf(TOKENS, prompt));
            for (int i = 0; i < TOKENS.length; i++) {
                float[] actual = i < prompt ? rows[i] : s.forward(TOKENS[i]);
                assertThat(Float64.relativeRmsError(actual, expanded[i])).as("row %d", i).isLessThan(1e-5);
            }
        }
    }
}
