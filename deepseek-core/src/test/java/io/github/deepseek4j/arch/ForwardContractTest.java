package io.github.deepseek4j.arch;

import io.github.deepseek4j.IntermediateObserver;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.RowParallel;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The architecture SPI as an embedder or a new architecture sees it: the state owns its position, a batch is fed
 * at that position, the logits target decides which rows are computed, and the observer bound at load sees every
 * intermediate, the two halves of a mixture of experts included.
 */
class ForwardContractTest {

    private static final KernelBackend BACKEND = KernelBackends.scalar();
    private static final int[] TOKENS = {1, 9, 33, 2, 14, 27};

    @TempDir
    Path dir;

    private Transformer load(GgufFile file, IntermediateObserver observer) throws Exception {
        String name = file.metadata().getString("general.architecture");
        return Architectures.forName(name).load(file, new Execution(BACKEND, RowParallel.serial(), observer));
    }

    private ForwardState newState(Transformer t, int contextLength, int maxBatch) {
        return t.newState(contextLength, maxBatch, BACKEND.kernel(GgmlType.F32));
    }

    @Test
    void theStateOwnsThePositionAndTheTargetChoosesTheRows() throws Exception {
        Path path = new SyntheticDenseModel("llama", 8, false, false, false, 3).write(dir.resolve("m.gguf"));
        try (GgufFile file = GgufFile.open(path)) {
            Transformer t = load(file, null);
            int vocabulary = t.info().vocabularySize();
            try (ForwardState all = newState(t, 16, 8); ForwardState split = newState(t, 16, 8)) {
                float[] rows = new float[TOKENS.length * vocabulary];
                t.forward(all, Batch.of(TOKENS), LogitsTarget.all(rows));
                assertThat(all.position()).isEqualTo(TOKENS.length);

                float[] last = new float[vocabulary];
                Arrays.fill(last, Float.NaN);
                t.forward(split, new Batch(TOKENS, 0, 4), LogitsTarget.none());
                assertThat(split.position()).isEqualTo(4);
                assertThat(last).containsOnly(Float.NaN);
                t.forward(split, new Batch(TOKENS, 4, 2), LogitsTarget.last(last));
                assertThat(split.position()).isEqualTo(TOKENS.length);
                assertThat(last).containsExactly(Arrays.copyOfRange(rows, (TOKENS.length - 1) * vocabulary,
                        TOKENS.length * vocabulary));
            }
        }
    }

    @Test
    void rewindResetAndDiscardMoveThePosition() throws Exception {
        Path path = new SyntheticDenseModel("llama", 8, false, false, false, 4).write(dir.resolve("m.gguf"));
        try (GgufFile file = GgufFile.open(path)) {
            Transformer t = load(file, null);
            try (ForwardState s = newState(t, 8, 4)) {
                t.forward(s, new Batch(TOKENS, 0, 4), LogitsTarget.none());
                t.forward(s, new Batch(TOKENS, 4, 2), LogitsTarget.none());
                s.discard(1, 2);
                assertThat(s.position()).isEqualTo(4);
                assertThatThrownBy(() -> s.discard(3, 2)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("cannot discard 2 tokens after the first 3 of 4");
                s.rewind(3);
                assertThat(s.position()).isEqualTo(3);
                assertThatThrownBy(() -> s.rewind(4)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> t.forward(s, Batch.of(1, 2, 3, 4, 5, 6), LogitsTarget.none()))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 free positions");
                assertThat(s.position()).isEqualTo(3);
                s.reset();
                assertThat(s.position()).isZero();
            }
        }
    }

    @Test
    void aBatchIsANonEmptyRangeOfItsArray() {
        assertThat(new Batch(TOKENS, 2, 3).token(0)).isEqualTo(33);
        assertThatThrownBy(() -> new Batch(TOKENS, 4, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Batch(TOKENS, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LogitsTarget.none().rows(5)).isZero();
        assertThat(LogitsTarget.last(new float[1]).rows(5)).isEqualTo(1);
        assertThat(LogitsTarget.all(new float[5]).rows(5)).isEqualTo(5);
    }

    @Test
    void routedAndSharedExpertsAreObservedApartAndAddUpToTheFeedForward() throws Exception {
        Map<String, float[]> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        IntermediateObserver observer = (layer, name, values, tokens, width) -> {
            names.add(layer + ":" + name);
            seen.put(layer + ":" + name, Arrays.copyOf(values, tokens * width));
        };
        try (GgufFile file = GgufFile.open(SharedData.require("conformance/models/tiny-deepseek3-f32.gguf"))) {
            Transformer t = load(file, observer);
            try (ForwardState s = newState(t, 8, 4)) {
                t.forward(s, new Batch(TOKENS, 0, 3), LogitsTarget.none());
            }
        }
        // block 0 is a leading dense block, block 1 a mixture of experts with shared experts
        assertThat(names).doesNotContain("0:ffn_moe_out", "0:ffn_shexp", "-1:result_output")
                .containsSubsequence("1:ffn_inp", "1:ffn_moe_out", "1:ffn_shexp", "1:ffn_out", "1:l_out");
        float[] routed = seen.get("1:ffn_moe_out");
        float[] shared = seen.get("1:ffn_shexp");
        float[] sum = new float[routed.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = routed[i] + shared[i];
        }
        assertThat(seen.get("1:ffn_out")).containsExactly(sum);
    }
}
