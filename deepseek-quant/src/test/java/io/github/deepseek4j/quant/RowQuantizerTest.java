package io.github.deepseek4j.quant;

import io.github.deepseek4j.quant.scalar.ScalarQuantizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.foreign.MemorySegment;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round trips through the reference quantizers stay within each type's resolution (byte-exactness is tested against llama.cpp's files in deepseek-core). */
class RowQuantizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Q8_0, 0.01", "Q4_0, 0.15", "Q4_1, 0.15", "Q5_0, 0.08", "Q5_1, 0.08", "Q6_K, 0.04", "Q4_K, 0.15", "Q5_K, 0.08", "Q3_K, 0.3", "Q2_K, 0.5", "IQ4_NL, 0.15", "IQ4_XS, 0.15"})
    void roundTripErrorIsWithinTheTypesResolution(String typeName, double maxRelativeRms) {
        GgmlType type = GgmlType.byName(typeName);
        int n = 7 * type.blockSize();
        float[] x = RandomRows.floats(n, new Random(7));
        x[5] = 0;
        MemorySegment q = MemorySegment.ofArray(new byte[(int) type.byteSize(n)]);
        ScalarQuantizers.forType(type).quantize(x, 0, q, 0, n);
        float[] back = new float[n];
        KernelBackends.scalar().kernel(type).dequantize(q, 0, back, 0, n);
        double err = 0;
        double ref = 0;
        for (int i = 0; i < n; i++) {
            err += (back[i] - x[i]) * (back[i] - x[i]);
            ref += x[i] * x[i];
        }
        assertThat(Math.sqrt(err / ref)).isLessThan(maxRelativeRms);
    }

    @Test
    void allZeroBlocksQuantizeToZero() {
        for (GgmlType type : new GgmlType[] {GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1,
                GgmlType.Q2_K, GgmlType.Q3_K, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K, GgmlType.IQ4_NL, GgmlType.IQ4_XS}) {
            int n = type.blockSize();
            MemorySegment q = MemorySegment.ofArray(new byte[type.blockBytes()]);
            ScalarQuantizers.forType(type).quantize(new float[n], 0, q, 0, n);
            float[] back = new float[n];
            KernelBackends.scalar().kernel(type).dequantize(q, 0, back, 0, n);
            for (float v : back) {
                // llama.cpp writes d = -0.0 for Q4_0 / Q5_0 (max / -8), so compare numerically
                assertThat(v == 0).as("%s gives %s", type, v).isTrue();
            }
        }
    }

    @Test
    void partialBlocksAndUnsupportedTypesAreRejected() {
        MemorySegment q = MemorySegment.ofArray(new byte[64]);
        assertThatThrownBy(() -> ScalarQuantizers.forType(GgmlType.Q8_0).quantize(new float[40], 0, q, 0, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q8_0");
        assertThat(ScalarQuantizers.supports(GgmlType.IQ1_S)).isFalse();
        assertThatThrownBy(() -> ScalarQuantizers.forType(GgmlType.IQ1_S))
                .isInstanceOf(UnsupportedWeightTypeException.class).hasMessageContaining("Q6_K");
    }
}
