package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.RowParallel;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, item 4: non-finite router scores are a typed error naming the layer, never an index exception. */
class MixtureOfExpertsTest {

    private static final int EMBEDDING = 4;
    private static final int EXPERTS = 4;
    private static final int WIDTH = 3;
    private static final RowKernel F32 = KernelBackends.scalar().kernel(GgmlType.F32);

    private static Linear f32(String name, int inputs, int outputs, float fill) {
        MemorySegment data = Arena.ofAuto().allocate((long) inputs * outputs * Float.BYTES, Float.BYTES);
        for (long i = 0; i < (long) inputs * outputs; i++) {
            data.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), i, fill * (1 + i % 5));
        }
        return new Linear(name, F32, data, 0, inputs, outputs, null);
    }

    private static MixtureOfExperts moe(float routerFill, float[] bias) {
        SwiGluFeedForward[] experts = new SwiGluFeedForward[EXPERTS];
        for (int e = 0; e < EXPERTS; e++) {
            experts[e] = new SwiGluFeedForward(f32("gate", EMBEDDING, WIDTH, 0.1f), f32("up", EMBEDDING, WIDTH, 0.2f),
                    f32("down", WIDTH, EMBEDDING, 0.3f));
        }
        return new MixtureOfExperts(f32("ffn_gate_inp", EMBEDDING, EXPERTS, routerFill), bias,
                new MoeRouting(bias == null ? ExpertGating.SOFTMAX : ExpertGating.SIGMOID, EXPERTS, 2, true, 1, 0, 0),
                experts, null);
    }

    private static float[] run(MixtureOfExperts moe, int tokens) {
        MoeScratch scratch = new MoeScratch(moe);
        scratch.ensureCapacity(tokens);
        float[] x = new float[tokens * EMBEDDING];
        java.util.Arrays.fill(x, 1f);
        float[] out = new float[tokens * EMBEDDING];
        moe.applyRouted(7, x, tokens, out, scratch, RowParallel.serial());
        return out;
    }

    @Test
    void finiteScoresRoute() {
        for (float v : run(moe(0.5f, null), 3)) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void nanInfOrOverflowingRouterScoresNameTheLayer() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e38f}) {
            for (int tokens : new int[] {1, 5}) {
                assertThatThrownBy(() -> run(moe(bad, null), tokens)).as("%s x %d tokens", bad, tokens)
                        .isExactlyInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("layer 7").hasMessageContaining("ffn_gate_inp");
            }
        }
    }

    @Test
    void aNanSelectionBiasNamesTheLayer() {
        assertThatThrownBy(() -> run(moe(0.5f, new float[] {0, Float.NaN, 0, 0}), 2))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("layer 7").hasMessageContaining("exp_probs_b");
    }
}
