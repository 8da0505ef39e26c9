package io.github.deepseek4j.arch.qwen2;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.arch.SyntheticDenseModel;
import io.github.deepseek4j.testing.Float64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** qwen3 (q/k head norms, neox rope, key_length head size, tied output) against a float64 evaluation. */
class Qwen3ForwardTest {

    @TempDir
    Path dir;

    @Test
    void prefillAndDecodeMatchFloat64Reference() throws Exception {
        SyntheticDenseModel spec = SyntheticDenseModel.qwen3(7);
        Path file = spec.write(dir.resolve("tiny-qwen3.gguf"));
        int[] tokens = {3, 17, 39, 0, 22, 5, 5, 31, 12, 8, 1, 26};
        double[][] expected = spec.referenceLogits(tokens);
        int prompt = 7;
        try (Model model = Model.builder(file).threads(2).build(); Session session = model.newSession()) {
            assertThat(model.architecture()).isEqualTo("qwen3");
            assertThat(model.contextLength()).isEqualTo(spec.contextLength);
            float[][] rows = session.forwardAll(java.util.Arrays.copyOf(tokens, prompt));
            for (int i = 0; i < tokens.length; i++) {
                float[] actual = i < prompt ? rows[i] : session.forward(tokens[i]);
                assertThat(Float64.relativeRmsError(actual, expected[i])).as("row %d", i).isLessThan(1e-5);
            }
        }
    }
}
