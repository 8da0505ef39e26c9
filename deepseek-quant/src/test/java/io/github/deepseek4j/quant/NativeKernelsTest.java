package io.github.deepseek4j.quant;

import io.github.deepseek4j.quant.ffi.NativeKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The native kernels against the scalar reference, in every variant the CPU runs (the avx512 one only
 * where it has AVX-512 VNNI; elsewhere those cases are skipped, saying so). With the activations they
 * actually use (int8 per 32 or per 256, dequantized; F16/BF16 the floats) they must agree to float
 * rounding, which isolates kernel bugs from the activation rounding; with the original float
 * activations, within that rounding.
 */
class NativeKernelsTest {

    /** Every type with a native kernel. */
    static final GgmlType[] NATIVE_TYPES = {GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0,
            GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1, GgmlType.Q2_K, GgmlType.Q3_K, GgmlType.Q4_K, GgmlType.Q5_K,
            GgmlType.Q6_K, GgmlType.IQ4_NL, GgmlType.IQ4_XS};

    static Stream<Arguments> variantsAndTypes() {
        return NativeKernels.VARIANTS.stream().flatMap(v -> Stream.of(NATIVE_TYPES).map(t -> Arguments.of(v, t)));
    }

    static Stream<GgmlType> nativeTypes() {
        return Stream.of(NATIVE_TYPES);
    }

    /** The native+vector backend with one variant, or a skipped test naming why. */
    static KernelBackend variant(String name) {
        NativeBackend.require();
        try {
            return KernelBackends.nativeAndVector(name);
        } catch (IllegalStateException e) {
            assumeTrue(false, e.getMessage() + "; that variant is tested where the CPU has it");
            throw e;
        }
    }

    /** Values per test unit: a block, or for F16/BF16 37 values (whole 32s, an 8 and a scalar tail). */
    static int unit(GgmlType type) {
        return type.blockSize() == 1 ? 37 : type.blockSize();
    }

    @ParameterizedTest
    @MethodSource("variantsAndTypes")
    void dotEqualsTheScalarDotOfTheQuantizedActivations(String variant, GgmlType type) {
        RowKernel kernel = variant(variant).kernel(type);
        RowKernel scalar = KernelBackends.scalar().kernel(type);
        assertThat(kernel.toString()).startsWith("native");
        Random random = new Random(type.id());
        for (int blocks : new int[] {1, 2, 3, 5, 6, 7, 8}) {
            for (int prefix : new int[] {0, 1, 7}) {
                int n = blocks * unit(type);
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
    @MethodSource("variantsAndTypes")
    void aRangeOfRowsEqualsItsRowsOneByOne(String variant, GgmlType type) {
        RowKernel kernel = variant(variant).kernel(type);
        Random random = new Random(type.id());
        int cols = 3 * unit(type);
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

    /** The wider variant computes the same integer sums in other instructions: the same floats, bit for bit. */
    @ParameterizedTest
    @MethodSource("nativeTypes")
    void everyVariantGivesTheSameResults(GgmlType type) {
        RowKernel narrow = variant(NativeKernels.VARIANTS.getFirst()).kernel(type);
        RowKernel wide = variant(NativeKernels.VARIANTS.getLast()).kernel(type);
        Random random = new Random(type.id() + 100);
        int cols = 7 * unit(type);
        int rows = 5;
        MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, rows * cols, 0, random));
        PreparedActivations x = narrow.prepare(RandomRows.floats(cols, random), 0, cols);
        float[] narrowOut = new float[rows];
        float[] wideOut = new float[rows];
        narrow.dotRows(w, 0, rows, x, narrowOut, 0);
        wide.dotRows(w, 0, rows, x, wideOut, 0);
        assertThat(wideOut).as("%s", type).isEqualTo(narrowOut);
    }

    @Test
    void activationsPreparedForAnotherTypeAreRequantizedForThisOne() {
        // the types lay their activations out in four ways (kernels.c)
        Random random = new Random(4);
        int n = 512;
        float[] x = RandomRows.floats(n, random);
        PreparedActivations forQ8 = NativeBackend.require().kernel(GgmlType.Q8_0).prepare(x, 0, n);
        for (GgmlType type : NATIVE_TYPES) {
            RowKernel kernel = NativeBackend.require().kernel(type);
            MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, n, 0, random));
            assertThat(kernel.dot(w, 0, forQ8)).as("%s", type).isEqualTo(kernel.dot(w, 0, kernel.prepare(x, 0, n)));
        }
    }

    @Test
    void floatActivationsAndDequantizationAreTheVectorKernels() {
        KernelBackend vector = KernelBackends.vector();
        Random random = new Random(1);
        for (GgmlType type : NATIVE_TYPES) {
            RowKernel kernel = NativeBackend.require().kernel(type);
            int n = 2 * unit(type);
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
        assertThat(backend.name()).matches("native-avx(2|512)\\+vector-\\d+");
        assertThat(backend.kernel(GgmlType.F32).toString()).doesNotStartWith("native");
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
