package io.github.deepseek4j.quant;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.quant.scalar.ScalarQuantizers;
import io.github.deepseek4j.tensor.Tensor;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quantizing the F32 conformance models reproduces, byte for byte, every tensor llama.cpp's
 * quantizer wrote in their Q8_0 / Q4_0 / Q4_1 / Q5_0 / Q5_1 / Q2_K / Q3_K / Q4_K / Q5_K / Q6_K / IQ4_NL / IQ4_XS siblings.
 */
class ReferenceQuantizerTest {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
            "tiny-llama-f32.gguf, tiny-llama-q8_0.gguf, Q8_0",
            "tiny-llama-f32.gguf, tiny-llama-q4_0.gguf, Q4_0",
            "tiny-llama-f32.gguf, tiny-llama-q4_1.gguf, Q4_1",
            "tiny-llama-f32.gguf, tiny-llama-q5_0.gguf, Q5_0",
            "tiny-llama-f32.gguf, tiny-llama-q5_1.gguf, Q5_1",
            "tiny-deepseek3-f32.gguf, tiny-deepseek3-q8_0.gguf, Q8_0",
            "tiny-deepseek3-f32.gguf, tiny-deepseek3-q4_0.gguf, Q4_0",
            "tiny-llama-f32.gguf, tiny-llama-q6_k.gguf, Q6_K",
            "tiny-llama-f32.gguf, tiny-llama-q4_0.gguf, Q6_K",
            "tiny-deepseek3-f32.gguf, tiny-deepseek3-q6_k.gguf, Q6_K",
            "tiny-llama-f32.gguf, tiny-llama-q4_k_m.gguf, Q4_K",
            "tiny-llama-f32.gguf, tiny-llama-q4_k_m.gguf, Q6_K",
            "tiny-llama-f32.gguf, tiny-llama-q5_k_m.gguf, Q5_K",
            "tiny-qwen2-f32.gguf, tiny-qwen2-q4_k_m.gguf, Q4_K",
            "tiny-qwen2-f32.gguf, tiny-qwen2-q5_k_m.gguf, Q5_K",
            "tiny-deepseek3-f32.gguf, tiny-deepseek3-q4_k_m.gguf, Q4_K",
            "tiny-llama-f32.gguf, tiny-llama-q3_k_m.gguf, Q3_K",
            "tiny-llama-f32.gguf, tiny-llama-q2_k.gguf, Q2_K",
            "tiny-llama-f32.gguf, tiny-llama-q2_k.gguf, Q3_K",
            "tiny-llama-f32.gguf, tiny-llama-iq4_nl.gguf, IQ4_NL",
            "tiny-llama-f32.gguf, tiny-llama-iq4_xs.gguf, IQ4_XS",
            "tiny-qwen2-f32.gguf, tiny-qwen2-iq4_xs.gguf, IQ4_XS"})
    void reproducesLlamaCppTensorsExactly(String source, String quantized, String typeName) throws IOException {
        GgmlType type = GgmlType.byName(typeName);
        RowQuantizer quantizer = ScalarQuantizers.forType(type);
        int compared = 0;
        try (GgufFile f32 = GgufFile.open(SharedData.require("conformance/models/" + source));
             GgufFile expected = GgufFile.open(SharedData.require("conformance/models/" + quantized))) {
            for (GgufTensorInfo info : expected.tensorInfos()) {
                if (info.type() != type) {
                    continue;
                }
                Tensor input = f32.tensor(info.name());
                assertThat(input.type()).as(info.name()).isEqualTo(GgmlType.F32);
                Tensor reference = expected.tensor(info.name());
                int cols = (int) input.dim(0);
                float[] row = new float[cols];
                MemorySegment actual = MemorySegment.ofArray(new byte[(int) reference.rowBytes()]);
                for (long r = 0; r < input.rows(); r++) {
                    MemorySegment.copy(input.data(), FLOAT, r * input.rowBytes(), row, 0, cols);
                    quantizer.quantize(row, 0, actual, 0, cols);
                    MemorySegment want = reference.data().asSlice(r * reference.rowBytes(), reference.rowBytes());
                    long mismatch = actual.mismatch(want);
                    assertThat(mismatch).as("%s row %d: first differing byte", info.name(), r).isEqualTo(-1L);
                }
                compared++;
            }
        }
        assertThat(compared).as("%s tensors of type %s", quantized, type).isPositive();
    }
}
