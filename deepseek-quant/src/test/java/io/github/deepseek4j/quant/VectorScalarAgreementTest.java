package io.github.deepseek4j.quant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vector API kernels against their scalar twins on random rows of awkward lengths: dequantization
 * identical, dot products within 1e-5 of the scale of the sum (sum of |w_i x_i|, the natural bound on
 * float summation-order differences). Rows start at an odd byte offset to exercise unaligned loads.
 */
class VectorScalarAgreementTest {

    private static final int[] PLAIN_LENGTHS = {1, 13, 207, 702, 2046, 4098};
    private static final int[] BLOCK_COUNTS = {1, 3, 7, 13, 64};
    private static final int PREFIX = 5;
    private static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    static List<Arguments> cases() {
        KernelBackend vector = KernelBackends.vector();
        List<Arguments> cases = new ArrayList<>();
        for (GgmlType type : GgmlType.values()) {
            if (!KernelBackends.scalar().supports(type)) {
                continue;
            }
            assertThat(vector.supports(type)).as("vector kernel for " + type).isTrue();
            if (type.isQuantized()) {
                for (int blocks : BLOCK_COUNTS) {
                    cases.add(Arguments.of(type, blocks * type.blockSize()));
                }
            } else {
                for (int n : PLAIN_LENGTHS) {
                    cases.add(Arguments.of(type, n));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cases")
    void vectorAgreesWithScalar(GgmlType type, int n) {
        long seed = 31L * type.ordinal() + n;
        Random random = new Random(seed);
        RowKernel scalar = KernelBackends.scalar().kernel(type);
        RowKernel vector = KernelBackends.vector().kernel(type);
        MemorySegment row = MemorySegment.ofArray(RandomRows.row(type, n, PREFIX, random));
        int xOffset = 3;
        float[] x = RandomRows.floats(n + 2 * xOffset, random);

        float[] expected = dequantize(scalar, row, n);
        assertThat(dequantize(vector, row, n)).as("dequantize, seed %d", seed).isEqualTo(expected);

        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += Math.abs((double) expected[i] * x[xOffset + i]);
        }
        float scalarDot = scalar.dot(row, PREFIX, x, xOffset, n);
        float vectorDot = vector.dot(row, PREFIX, x, xOffset, n);
        assertThat(Math.abs((double) vectorDot - scalarDot))
                .as("%s dot over %d values, seed %d: vector %s, scalar %s", type, n, seed, vectorDot, scalarDot)
                .isLessThanOrEqualTo(1e-5 * scale);
    }

    /** The vector F16 kernel widens halves in registers: check every one of the 65536, specials included. */
    @Test
    void f16WideningIsExactForEveryHalf() {
        RowKernel vector = KernelBackends.vector().kernel(GgmlType.F16);
        int lanes = 16;
        float[] x = new float[lanes];
        Arrays.fill(x, 1f / lanes);
        MemorySegment row = MemorySegment.ofArray(new short[lanes]);
        for (int h = 0; h < 1 << 16; h++) {
            for (int i = 0; i < lanes; i++) {
                row.setAtIndex(SHORT_LE, i, (short) h);
            }
            float expected = Float.float16ToFloat((short) h);
            float actual = vector.dot(row, 0, x, 0, lanes);
            assertThat(Float.isNaN(expected) ? Float.isNaN(actual) : actual == expected)
                    .as("half 0x%04x: %s, expected %s", h, actual, expected).isTrue();
        }
    }

    /** Dequantizes into the middle of an array of NaN sentinels and checks the sentinels survived. */
    private static float[] dequantize(RowKernel kernel, MemorySegment row, int n) {
        float[] out = new float[n + 8];
        Arrays.fill(out, Float.NaN);
        kernel.dequantize(row, PREFIX, out, 4, n);
        for (int i : new int[] {0, 1, 2, 3, n + 4, n + 5, n + 6, n + 7}) {
            assertThat(out[i]).as("sentinel at %d", i).isNaN();
        }
        return Arrays.copyOfRange(out, 4, n + 4);
    }
}
