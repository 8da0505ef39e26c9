package io.github.deepseek4j.tools.quantize;

import io.github.deepseek4j.conformance.CaseResult;
import io.github.deepseek4j.conformance.ConformanceCase;
import io.github.deepseek4j.conformance.ConformanceRunner;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.PooledRowParallel;
import io.github.deepseek4j.tensor.Tensor;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quantizing the F32 conformance models gives llama.cpp's quantized siblings, tensor for tensor and byte for byte. */
class GgufQuantizerTest {

    @TempDir
    Path dir;

    /**
     * The deepseek2 siblings were quantized from an F32 original that is not in the conformance set (its
     * F16 file is a rounding of it), so for them only the types, shapes, order and metadata can match.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "tiny-llama-f32, Q8_0, true", "tiny-llama-f32, Q4_0, true", "tiny-llama-f32, Q4_1, true",
            "tiny-llama-f32, Q5_0, true", "tiny-llama-f32, Q5_1, true", "tiny-llama-f32, Q6_K, true",
            "tiny-llama-f32, Q4_K_M, true", "tiny-llama-f32, Q5_K_M, true", "tiny-llama-f32, Q3_K_M, true",
            "tiny-llama-f32, Q2_K, true", "tiny-deepseek2-f16, Q2_K, false",
            "tiny-llama-f32, IQ4_NL, true", "tiny-llama-f32, IQ4_XS, true", "tiny-qwen2-f32, IQ4_XS, true",
            "tiny-deepseek2-f16, IQ4_NL, false",
            "tiny-qwen2-f32, Q4_K_M, true", "tiny-qwen2-f32, Q5_K_M, true", "tiny-qwen2-f32, Q8_0, true",
            "tiny-qwen2-f32, Q4_0, true", "tiny-qwen2-f32, Q6_K, true",
            "tiny-deepseek3-f32, Q8_0, true", "tiny-deepseek3-f32, Q4_0, true", "tiny-deepseek3-f32, Q6_K, true",
            "tiny-deepseek3-f32, Q4_K_M, true",
            "tiny-deepseek2-f16, Q8_0, false", "tiny-deepseek2-f16, Q4_0, false", "tiny-deepseek2-f16, Q6_K, false",
            "tiny-deepseek2-f16, Q4_K_M, false"})
    void reproducesLlamaCppsQuantizedSibling(String source, String mix, boolean sameSource) throws Exception {
        Path out = dir.resolve("out.gguf");
        List<String> progress = new ArrayList<>();
        try (PooledRowParallel threads = new PooledRowParallel(2)) {
            new GgufQuantizer(QuantizationMix.byName(mix), threads)
                    .quantize(model(source), out, (i, n, name) -> progress.add(name));
        }
        Path sibling = model(source.replaceFirst("-f(32|16)$", "-" + mix.toLowerCase()));
        try (GgufFile actual = GgufFile.open(out); GgufFile expected = GgufFile.open(sibling)) {
            assertThat(actual.metadata().asMap()).containsExactlyEntriesOf(expected.metadata().asMap());
            List<GgufTensorInfo> want = expected.tensorInfos();
            assertThat(actual.tensorInfos()).extracting(GgufTensorInfo::name)
                    .containsExactlyElementsOf(want.stream().map(GgufTensorInfo::name).toList());
            assertThat(progress).hasSize(want.size());
            for (GgufTensorInfo info : want) {
                Tensor a = actual.tensor(info.name());
                Tensor e = expected.tensor(info.name());
                assertThat(a.type()).as(info.name()).isEqualTo(e.type());
                assertThat(a.shape()).as(info.name()).containsExactly(e.shape());
                if (sameSource) {
                    assertThat(a.data().mismatch(e.data())).as("%s: first differing byte", info.name()).isEqualTo(-1L);
                }
            }
        }
    }

    @Test
    void quantizedOutputPassesTheSiblingsConformanceCase() throws Exception {
        Path out = dir.resolve("q4_0.gguf");
        new GgufQuantizer(QuantizationMix.Q4_0).quantize(model("tiny-llama-f32"), out, (i, n, name) -> { });
        Path conformance = SharedData.require("conformance");
        ConformanceCase sibling = ConformanceCase.read(conformance, conformance.resolve("cases/tiny-llama-q4_0.json"));
        ConformanceCase ours = new ConformanceCase(sibling.name(), out, sibling.weightType(), sibling.moe(),
                sibling.vocabulary(), sibling.promptLength(), sibling.tokens(), sibling.exactLogits(),
                sibling.llamacppGreedy());
        CaseResult result = new ConformanceRunner(KernelBackends.scalar(), 1).run(ours);
        assertThat(result.passed()).as(result.summary()).isTrue();
    }

    @Test
    void halfPrecisionAndQuantizedInputsAreDequantizedFirst() throws Exception {
        Path fromF16 = dir.resolve("from-f16.gguf");
        new GgufQuantizer(QuantizationMix.Q8_0).quantize(model("tiny-llama-f16"), fromF16, (i, n, name) -> { });
        Path fromQ8 = dir.resolve("from-q8.gguf");
        new GgufQuantizer(QuantizationMix.Q4_0).quantize(model("tiny-llama-q8_0"), fromQ8, (i, n, name) -> { });
        try (GgufFile f16 = GgufFile.open(fromF16); GgufFile q8 = GgufFile.open(fromQ8);
             GgufFile f32 = GgufFile.open(model("tiny-llama-f32"))) {
            assertThat(f16.metadata().getInt("general.file_type")).isEqualTo(7);
            assertThat(f16.tensor("blk.0.ffn_up.weight").type()).isEqualTo(GgmlType.Q8_0);
            assertThat(q8.tensor("blk.0.ffn_up.weight").type()).isEqualTo(GgmlType.Q4_0);
            assertThat(q8.tensor("output.weight").type()).isEqualTo(GgmlType.Q6_K);
            assertThat(q8.tensor("output_norm.weight").type()).isEqualTo(GgmlType.F32);
            assertThat(relativeRms(q8.tensor("blk.0.ffn_up.weight"), f32.tensor("blk.0.ffn_up.weight"))).isLessThan(0.2);
        }
    }

    @Test
    void unknownMixesAreNamedWithTheSupportedOnes() {
        assertThatThrownBy(() -> QuantizationMix.byName("Q3_K_XL")).hasMessageContaining("Q3_K_XL").hasMessageContaining("Q5_1");
        assertThat(QuantizationMix.byName("q4_0")).isEqualTo(QuantizationMix.Q4_0);
    }

    private static double relativeRms(Tensor actual, Tensor reference) {
        float[] a = floats(actual);
        float[] r = floats(reference);
        double err = 0;
        double ref = 0;
        for (int i = 0; i < a.length; i++) {
            err += (a[i] - r[i]) * (a[i] - r[i]);
            ref += r[i] * r[i];
        }
        return Math.sqrt(err / ref);
    }

    private static float[] floats(Tensor t) {
        float[] out = new float[(int) t.elementCount()];
        KernelBackends.scalar().kernel(t.type()).dequantize(t.data(), 0, out, 0, out.length);
        return out;
    }

    private static Path model(String name) {
        return SharedData.require("conformance/models/" + name + ".gguf");
    }
}
