package io.github.deepseek4j.runtime;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.GenerationResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.StopReason;
import io.github.deepseek4j.arch.SyntheticDenseModel;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.testing.Float64;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Discarding cached tokens re-rotates the kept keys. In a one-layer model a token's cached key and value depend
 * only on the token and its position, so after the shift the session must predict what a session fed only the
 * kept tokens predicts.
 */
class ContextShiftTest {

    private static final int[] TOKENS = {1, 9, 33, 2, 14, 14, 27, 39, 0, 5, 11, 20};

    @TempDir
    Path dir;

    @Test
    void llamaAndQwen3KeysAreRerotated() throws Exception {
        checkShift(new SyntheticDenseModel("llama", 1, 8, false, false, false, 5).write(dir.resolve("l.gguf")), 37);
        checkShift(new SyntheticDenseModel("qwen3", 1, 16, true, true, false, 6).write(dir.resolve("q.gguf")), 37);
    }

    @Test
    void latentRopeKeysAreRerotated() throws Exception {
        Path file = dir.resolve("ds.gguf");
        try (GgufFile src = GgufFile.open(SharedData.require("conformance/models/tiny-deepseek3-f32.gguf"))) {
            GgufWriter w = new GgufWriter().putAll(src.metadata()).putUint32("deepseek2.block_count", 1);
            for (GgufTensorInfo t : src.tensorInfos()) {
                if (!t.name().startsWith("blk.1.")) {
                    w.addTensor(t.name(), t.type(), t.shape(), GgufWriter.TensorData.of(src.findTensor(t.name()).orElseThrow().data()));
                }
            }
            w.write(file);
        }
        checkShift(file, 300);
    }

    private static void checkShift(Path file, int next) throws Exception {
        int keep = 2;
        int count = 4;
        int[] kept = new int[TOKENS.length - count];
        System.arraycopy(TOKENS, 0, kept, 0, keep);
        System.arraycopy(TOKENS, keep + count, kept, keep, TOKENS.length - keep - count);
        try (Model model = Model.builder(file).threads(2).contextLength(16).build();
             Session shifted = model.newSession(); Session fresh = model.newSession()) {
            shifted.forward(TOKENS);
            shifted.discard(keep, count);
            assertThat(shifted.position()).isEqualTo(kept.length);
            fresh.forward(kept);
            float[] actual = shifted.forward(next);
            float[] expected = fresh.forward(next);
            double[] wide = new double[expected.length];
            Arrays.setAll(wide, i -> expected[i]);
            assertThat(Float64.relativeRmsError(actual, wide)).isLessThan(1e-5);
            assertThatThrownBy(() -> shifted.discard(0, 100)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void generationShiftsWhenOptedIn() throws Exception {
        Path file = new SyntheticDenseModel("llama", 8, false, false, false, 5).write(dir.resolve("g.gguf"));
        try (Model model = Model.builder(file).threads(1).contextLength(10).build()) {
            GenerationResult r = model.generate(new int[] {1, 2, 3},
                    GenerationOptions.builder().maxTokens(30).contextShift(1).build());
            assertThat(r.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
            assertThat(r.generatedTokens()).isEqualTo(30);
        }
    }
}
