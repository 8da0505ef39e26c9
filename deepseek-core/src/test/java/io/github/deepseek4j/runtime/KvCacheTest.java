package io.github.deepseek4j.runtime;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.RowKernel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KvCacheTest {

    private static final RowKernel F32 = KernelBackends.scalar().kernel(GgmlType.F32);
    private static final RowKernel F16 = KernelBackends.scalar().kernel(GgmlType.F16);

    @Test
    void sizesAndRowsFollowTheStreams() {
        try (KvCache cache = new KvCache(F32, 2, 5, 3, 4)) {
            assertThat(cache.bytesPerToken()).isEqualTo(2 * 4 * (3 + 4));
            assertThat(cache.totalBytes()).isEqualTo(5 * cache.bytesPerToken());
            cache.write(1, 1, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2);
            assertThat(cache.get(1, 1, 4, 3)).isEqualTo(8);
            assertThat(cache.dot(1, 1, 3, 1, new float[] {1, 1, 1}, 0, 3)).isEqualTo(2 + 3 + 4);
            assertThatThrownBy(() -> cache.write(0, 0, 4, new float[6], 2)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void halfPrecisionHalvesTheBytesAndRoundsValues() {
        try (KvCache cache = new KvCache(F16, 2, 5, 3, 4)) {
            assertThat(cache.bytesPerToken()).isEqualTo(2 * 2 * (3 + 4));
            cache.write(0, 0, 0, new float[] {1.0f, 0.1f, -3.5f}, 1);
            assertThat(cache.get(0, 0, 0, 1)).isEqualTo(Float.float16ToFloat(Float.floatToFloat16(0.1f)));
            float[] sum = new float[2];
            cache.weightedSum(0, 0, 1, 2, new float[] {2}, 0, 1, sum, 0);
            assertThat(sum).containsExactly(2 * cache.get(0, 0, 0, 1), -7f);
        }
    }

    @Test
    void rejectsBadSizesAndTypes() {
        assertThatThrownBy(() -> new KvCache(F32, 0, 5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvCache(F32, 2, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvCache(F32, 1 << 20, Integer.MAX_VALUE, 1 << 20)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new KvCache(KernelBackends.scalar().kernel(GgmlType.BF16), 1, 1, 1))
                .hasMessageContaining("F32 or F16, not BF16");
    }
}
