package io.github.deepseek4j.quant;

import io.github.deepseek4j.testing.RequiredUnderCi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The BLAS backend (the system's OpenBLAS; skipped where it is not installed, except under CI=true)
 * against the scalar reference on random rows of odd sizes, one token and many, through
 * {@link MatrixOps} on several threads and through {@link RowKernel#dotRowsBatch} with sentinels around
 * its output.
 */
class BlasKernelsTest {

    private static final float SENTINEL = -12345.5f;
    private static KernelBackend blas() {
        return RequiredUnderCi.require("the BLAS backend", KernelBackends::blas);
    }

    @Test
    void isNamedByWhatItIsAndTakesOnlyTheFloatTypes() {
        KernelBackend blas = blas();
        assertThat(blas.name()).isEqualTo("blas+" + KernelBackends.preferred().name());
        assertThat(blas.kernel(GgmlType.F16).toString()).isEqualTo("blas F16");
        assertThat(blas.kernel(GgmlType.Q4_K)).isSameAs(KernelBackends.preferred().kernel(GgmlType.Q4_K));
        assertThat(KernelBackends.named("BLAS")).isSameAs(blas);
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "BF16"})
    void matricesAgreeWithTheScalarKernels(GgmlType type) {
        RowKernel kernel = blas().kernel(type);
        RowKernel scalar = KernelBackends.scalar().kernel(type);
        long seed = 31L * type.id();
        Random random = new Random(seed);
        try (PooledRowParallel threads = new PooledRowParallel(3)) {
            for (int cols : new int[] {1, 13, 207, 702}) {
                for (int rows : new int[] {1, 37, 150}) {
                    for (int tokens : new int[] {1, 2, 33}) {
                        String at = type + " seed " + seed + " rows " + rows + " cols " + cols + " tokens " + tokens;
                        int prefix = 4 * random.nextInt(3); // whole floats: F32 rows are passed to BLAS in place
                        MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, rows * cols, prefix, random));
                        float[] x = RandomRows.floats(tokens * cols, random);
                        float[] y = new float[tokens * rows];
                        if (tokens == 1) {
                            MatrixOps.matVec(kernel, w, prefix, rows, cols, x, y, threads);
                        } else {
                            MatrixOps.matMul(kernel, w, prefix, rows, cols, x, tokens, y, threads);
                        }
                        assertAgrees(scalar, w, prefix, rows, cols, x, y, 0, rows, at);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "BF16"})
    void aBatchWritesOnlyItsOwnRowsOfEachToken(GgmlType type) {
        RowKernel kernel = blas().kernel(type);
        Random random = new Random(type.id());
        int rows = 5;
        int cols = 45;
        int tokens = 3;
        int stride = 11;
        int outOffset = 4;
        MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, rows * cols, 0, random));
        float[] x = RandomRows.floats(2 + tokens * cols, random);
        float[] y = new float[outOffset + (tokens - 1) * stride + rows + 3];
        Arrays.fill(y, SENTINEL);
        kernel.dotRowsBatch(w, 0, rows, kernel.prepareBatch(x, 2, cols, tokens), y, outOffset, stride);

        float[] xs = Arrays.copyOfRange(x, 2, x.length);
        assertAgrees(KernelBackends.scalar().kernel(type), w, 0, rows, cols, xs, y, outOffset, stride, type.toString());
        for (int i = 0; i < y.length; i++) {
            int inStride = (i - outOffset) % stride;
            boolean written = i >= outOffset && inStride < rows && (i - outOffset) / stride < tokens;
            if (!written) {
                assertThat(y[i]).as("sentinel at %d", i).isEqualTo(SENTINEL);
            }
        }
    }

    @Test
    void outputsThatWouldOverflowAreRejectedBeforeBlasRuns() {
        RowKernel kernel = blas().kernel(GgmlType.F32);
        MemorySegment w = MemorySegment.ofArray(new float[4 * 8]);
        PreparedBatch batch = kernel.prepareBatch(new float[2 * 8], 0, 8, 2);
        assertThatThrownBy(() -> kernel.dotRowsBatch(w, 0, 4, batch, new float[7], 0, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> kernel.dotRowsBatch(w, 4, 4, batch, new float[8], 0, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> kernel.dotRowsBatch(w, 0, 4, batch, new float[8], 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code y[yOffset + t*yStride + r]} is the scalar dot of row r with token t, to float rounding. */
    private static void assertAgrees(RowKernel scalar, MemorySegment w, long byteOffset, int rows, int cols,
                                     float[] x, float[] y, int yOffset, int yStride, String at) {
        long rowBytes = scalar.type().byteSize(cols);
        float[] row = new float[cols];
        int tokens = x.length / cols;
        for (int r = 0; r < rows; r++) {
            scalar.dequantize(w, byteOffset + r * rowBytes, row, 0, cols);
            for (int t = 0; t < tokens; t++) {
                double scale = 0;
                for (int c = 0; c < cols; c++) {
                    scale += Math.abs((double) row[c] * x[t * cols + c]);
                }
                float expected = scalar.dot(w, byteOffset + r * rowBytes, x, t * cols, cols);
                assertThat(y[yOffset + t * yStride + r]).as("%s: token %d row %d", at, t, r)
                        .isCloseTo(expected, within((float) (1e-5 * scale)));
            }
        }
    }
}
