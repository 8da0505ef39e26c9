package io.github.deepseek4j;

import io.github.deepseek4j.arch.SyntheticDenseModel;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.UnsupportedWeightTypeException;
import io.github.deepseek4j.testing.Float64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Load-time checks name the file, key or tensor at fault. */
class ModelLoadingTest {

    @TempDir
    Path dir;

    private final SyntheticDenseModel llama = new SyntheticDenseModel("llama", 8, false, false, true, 3);

    @Test
    void llamaWithOptionalBiasesMatchesFloat64() throws Exception {
        Path file = llama.write(dir.resolve("llama.gguf"));
        int[] tokens = {4, 8, 15, 16, 23, 39};
        double[][] expected = llama.referenceLogits(tokens);
        try (Model model = Model.builder(file).threads(2).build(); Session s = model.newSession()) {
            float[][] rows = s.forwardAll(tokens);
            for (int i = 0; i < tokens.length; i++) {
                assertThat(Float64.relativeRmsError(rows[i], expected[i]))
                        .as("row %d", i).isLessThan(1e-5);
            }
        }
    }

    @Test
    void linearRopeScalingAndFrequencyFactorsFromTheFile() throws Exception {
        llama.ropeLinearFactor = 4;
        llama.ropeFreqFactors = new float[] {1, 1.5f, 3, 8};
        Path file = llama.write(dir.resolve("linear.gguf"));
        int[] tokens = {4, 8, 15, 16, 23, 39, 1, 2, 3, 4};
        double[][] expected = llama.referenceLogits(tokens);
        try (Model model = Model.builder(file).threads(1).build(); Session s = model.newSession()) {
            float[][] rows = s.forwardAll(tokens);
            for (int i = 0; i < tokens.length; i++) {
                assertThat(Float64.relativeRmsError(rows[i], expected[i])).as("row %d", i).isLessThan(1e-5);
            }
        }
    }

    @Test
    void unknownRopeScalingIsNamed() throws Exception {
        Path file = dir.resolve("rope.gguf");
        llama.writer().putString("llama.rope.scaling.type", "longrope").write(file);
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("llama.rope.scaling.type").hasMessageContaining("longrope");
    }

    @Test
    void unknownArchitectureListsTheSupportedOnes() throws Exception {
        Path file = dir.resolve("mamba.gguf");
        llama.writer().putString("general.architecture", "mamba").write(file);
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("'mamba'").hasMessageContaining("llama").hasMessageContaining("qwen2");
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        Path file = dir.resolve("nokey.gguf");
        GgufWriter w = new GgufWriter().putString("general.architecture", "llama");
        w.write(file);
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("nokey.gguf").hasMessageContaining("'llama.embedding_length' is missing");
    }

    @Test
    void shapeMismatchNamesTheTensor() throws Exception {
        Path file = dir.resolve("shape.gguf");
        llama.writer().putUint32("llama.feed_forward_length", 50).write(file);
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("blk.0.ffn_gate.weight").hasMessageContaining("[32, 48]");
    }

    @Test
    void hostileBlockCountFailsOnTheFirstMissingBlock() throws Exception {
        Path file = dir.resolve("blocks.gguf");
        llama.writer().putUint32("llama.block_count", 2_000_000_000L).write(file);
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("blk.2.attn_q.weight");
    }

    @Test
    void qwen2RequiresItsBiases() throws Exception {
        Path file = dir.resolve("qwen2.gguf");
        new SyntheticDenseModel("qwen2", 8, true, false, false, 1).write(file);
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("blk.0.attn_q.bias");
    }

    @Test
    void weightTypeWithoutKernelIsNamedAtLoadTime() throws Exception {
        Path file = llama.write(dir.resolve("llama.gguf"));
        KernelBackend onlyF16 = new KernelBackend() {
            @Override
            public String name() {
                return "f16-only";
            }

            @Override
            public boolean supports(GgmlType type) {
                return type == GgmlType.F16;
            }

            @Override
            public RowKernel kernel(GgmlType type) {
                if (!supports(type)) {
                    throw new UnsupportedWeightTypeException(type, name(), List.of(GgmlType.F16));
                }
                return KernelBackends.scalar().kernel(type);
            }
        };
        assertThatThrownBy(() -> Model.builder(file).backend(onlyF16).build())
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("token_embd.weight").hasMessageContaining("F32")
                .satisfies(e -> assertThat(((UnsupportedModelException) e).unsupportedWeightType()).contains(GgmlType.F32));
    }
}
