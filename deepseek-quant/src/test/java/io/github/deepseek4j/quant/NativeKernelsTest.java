package io.github.deepseek4j.quant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The native kernels against the scalar reference. With the activations they actually use (int8 per
 * 32 or, for Q4_K, per 256, dequantized) they must agree to float rounding, which isolates kernel bugs
 * from the activation rounding; with the original float activations, within that rounding.
 */
class NativeKernelsTest {

    @ParameterizedTest
    @EnumSource(names = {"Q8_0", "Q4_0", "Q4_K"})
    void dotEqualsTheScalarDotOfTheQuantizedActivations(GgmlType type) {
        RowKernel kernel = NativeBackend.require().kernel(type);
        RowKernel scalar = KernelBackends.scalar().kernel(type);
        assertThat(kernel.toString()).startsWith("native");
        Random random = new Random(type.id());
        for (int blocks : new int[] {1, 2, 3, 5, 6, 7, 8}) {
            for (int prefix : new int[] {0, 1, 7}) {
                int n = blocks * type.blockSize();
                MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, n, prefix, random));
                float[] x = RandomRows.floats(n + 3, random);
                PreparedActivations prepared = kernel.prepare(x, 3, n);
                float[] used = prepared.effectiveValues();
                float[] weights = new float[n];
                scalar.dequantize(w, prefix, weights, 0, n);
                double scale = 0;
                double usedScale = 0;
                for (int i = 0; i < n; i++) {
                    scale += Math.abs((double) weights[i] * x[3 + i]);
                    usedScale += Math.abs((double) weights[i] * used[i]);
                }
                float dot = kernel.dot(w, prefix, prepared);
                String at = type + " blocks " + blocks + " prefix " + prefix;
                assertThat(dot).as(at).isCloseTo(scalar.dot(w, prefix, used, 0, n), within((float) (1e-5 * usedScale)));
                assertThat(dot).as(at).isCloseTo(scalar.dot(w, prefix, x, 3, n), within((float) (2e-2 * scale)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"Q8_0", "Q4_0", "Q4_K"})
    void aRangeOfRowsEqualsItsRowsOneByOne(GgmlType type) {
        RowKernel kernel = NativeBackend.require().kernel(type);
        Random random = new Random(type.id());
        int cols = 3 * type.blockSize();
        long rowBytes = type.byteSize(cols);
        MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, 7 * cols, 5, random));
        PreparedActivations x = kernel.prepare(RandomRows.floats(cols, random), 0, cols);
        float[] out = new float[9];
        kernel.dotRows(w, 5 + rowBytes, 6, x, out, 2);
        for (int r = 0; r < 6; r++) {
            assertThat(out[2 + r]).as("row %d", r + 1).isEqualTo(kernel.dot(w, 5 + (r + 1) * rowBytes, x));
        }
        assertThat(out[0]).isZero();
        assertThat(out[1]).isZero();
        assertThat(out[8]).isZero();
    }

    @Test
    void aRangeLongerThanOneDowncallIsSplitSeamlessly() {
        RowKernel kernel = NativeBackend.require().kernel(GgmlType.Q4_0);
        Random random = new Random(2);
        int cols = 32 * 1024;
        int rows = 70; // 1.2 MiB of weights: two downcalls
        long rowBytes = GgmlType.Q4_0.byteSize(cols);
        MemorySegment w = MemorySegment.ofArray(RandomRows.row(GgmlType.Q4_0, rows * cols, 0, random));
        PreparedActivations x = kernel.prepare(RandomRows.floats(cols, random), 0, cols);
        float[] out = new float[rows];
        kernel.dotRows(w, 0, rows, x, out, 0);
        for (int r = 0; r < rows; r++) {
            assertThat(out[r]).as("row %d", r).isEqualTo(kernel.dot(w, r * rowBytes, x));
        }
    }

    @Test
    void activationsPreparedForAnotherTypeAreRequantizedForThisOne() {
        // Q8_0, Q4_0 and Q4_K each lay their int8 activations out differently (kernels.c)
        Random random = new Random(4);
        int n = 512;
        float[] x = RandomRows.floats(n, random);
        PreparedActivations forQ8 = NativeBackend.require().kernel(GgmlType.Q8_0).prepare(x, 0, n);
        for (GgmlType type : new GgmlType[] {GgmlType.Q4_0, GgmlType.Q4_K}) {
            RowKernel kernel = NativeBackend.require().kernel(type);
            MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, n, 0, random));
            assertThat(kernel.dot(w, 0, forQ8)).as("%s", type).isEqualTo(kernel.dot(w, 0, kernel.prepare(x, 0, n)));
        }
    }

    @Test
    void floatActivationsAndDequantizationAreTheVectorKernels() {
        KernelBackend vector = KernelBackends.vector();
        Random random = new Random(1);
        for (GgmlType type : new GgmlType[] {GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K}) {
            RowKernel kernel = NativeBackend.require().kernel(type);
            int n = 2 * type.blockSize();
            MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, n, 3, random));
            float[] x = RandomRows.floats(n, random);
            assertThat(kernel.dot(w, 3, x, 0, n)).isEqualTo(vector.kernel(type).dot(w, 3, x, 0, n));
            float[] mine = new float[n];
            float[] reference = new float[n];
            kernel.dequantize(w, 3, mine, 0, n);
            KernelBackends.scalar().kernel(type).dequantize(w, 3, reference, 0, n);
            assertThat(mine).isEqualTo(reference);
        }
    }

    @Test
    void otherTypesComeFromTheVectorKernels() {
        KernelBackend backend = NativeBackend.require();
        assertThat(backend.name()).startsWith("native-avx2+vector-");
        assertThat(backend.kernel(GgmlType.Q6_K).toString()).doesNotStartWith("native");
        assertThat(backend.supports(GgmlType.IQ2_XXS)).isFalse();
        assertThatThrownBy(() -> backend.kernel(GgmlType.IQ2_XXS))
                .isInstanceOf(UnsupportedWeightTypeException.class).hasMessageContaining("Q6_K");
    }

    @Test
    void badRangesAreRejectedBeforeTheDowncall() {
        RowKernel kernel = NativeBackend.require().kernel(GgmlType.Q8_0);
        MemorySegment w = MemorySegment.ofArray(new byte[2 * 34]);
        PreparedActivations x = kernel.prepare(new float[32], 0, 32);
        assertThatThrownBy(() -> kernel.dotRows(w, 1, 2, x, new float[2], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> kernel.dotRows(w, 0, 2, x, new float[2], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> kernel.prepare(new float[40], 0, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q8_0");
    }
}
