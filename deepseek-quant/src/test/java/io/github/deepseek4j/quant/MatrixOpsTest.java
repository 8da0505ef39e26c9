package io.github.deepseek4j.quant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * matVec and matMul give exactly the row-by-row dot products with the kernel's prepared activations,
 * in the documented layout, on one thread as on three; and those are the exact products of the
 * dequantized rows with the values the kernel uses.
 */
class MatrixOpsTest {

    private static final int ROWS = 37;
    private static final int PREFIX = 7;
    private static PooledRowParallel threads;

    @BeforeAll
    static void startThreads() {
        threads = new PooledRowParallel(3);
    }

    @AfterAll
    static void stopThreads() {
        threads.close();
        threads.close();
    }

    static List<Arguments> cases() {
        List<KernelBackend> backends = new ArrayList<>(List.of(KernelBackends.scalar(), KernelBackends.preferred()));
        NativeBackend.ifAvailable().ifPresent(backends::add);
        List<Arguments> cases = new ArrayList<>();
        for (KernelBackend backend : backends) {
            for (GgmlType type : List.of(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K,
                    GgmlType.Q6_K, GgmlType.IQ4_XS)) {
                cases.add(Arguments.of(backend, type));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matVecAndMatMulEqualRowByRowDots(KernelBackend backend, GgmlType type) {
        Random random = new Random(type.ordinal());
        int cols = 2 * type.blockSize() + (type.isQuantized() ? 0 : 3);
        RowKernel kernel = backend.kernel(type);
        MemorySegment w = MemorySegment.ofArray(RandomRows.row(type, ROWS * cols, PREFIX, random));
        long rowBytes = type.byteSize(cols);
        int tokens = 3;
        float[] x = RandomRows.floats(tokens * cols, random);

        float[] y = new float[ROWS];
        MatrixOps.matVec(kernel, w, PREFIX, ROWS, cols, x, y, threads);
        float[] serial = new float[ROWS];
        MatrixOps.matVec(kernel, w, PREFIX, ROWS, cols, x, serial, RowParallel.serial());
        assertThat(y).isEqualTo(serial);
        float[] batch = new float[tokens * ROWS];
        MatrixOps.matMul(kernel, w, PREFIX, ROWS, cols, x, tokens, batch, threads);

        float[] row = new float[cols];
        for (int r = 0; r < ROWS; r++) {
            long offset = PREFIX + r * rowBytes;
            kernel.dequantize(w, offset, row, 0, cols);
            for (int t = 0; t < tokens; t++) {
                PreparedActivations prepared = kernel.prepare(x, t * cols, cols);
                float single = kernel.dot(w, offset, prepared);
                assertThat(batch[t * ROWS + r]).as("token %d row %d", t, r).isEqualTo(single);
                if (t == 0) {
                    assertThat(y[r]).as("row %d", r).isEqualTo(single);
                }
                float[] used = prepared.effectiveValues();
                double exact = 0;
                double scale = 0;
                for (int c = 0; c < cols; c++) {
                    exact += (double) row[c] * used[c];
                    scale += Math.abs((double) row[c] * used[c]);
                }
                assertThat((double) single).as("token %d row %d", t, r).isCloseTo(exact, offset(1e-5 * scale));
            }
        }
    }
}
