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

/** matVec and matMul on three threads give exactly the row-by-row dot products, in the documented layout. */
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
        List<Arguments> cases = new ArrayList<>();
        for (KernelBackend backend : List.of(KernelBackends.scalar(), KernelBackends.preferred())) {
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
        float[] batch = new float[tokens * ROWS];
        MatrixOps.matMul(kernel, w, PREFIX, ROWS, cols, x, tokens, batch, threads);

        float[] row = new float[cols];
        for (int r = 0; r < ROWS; r++) {
            assertThat(y[r]).as("row %d", r).isEqualTo(kernel.dot(w, PREFIX + r * rowBytes, x, 0, cols));
            kernel.dequantize(w, PREFIX + r * rowBytes, row, 0, cols);
            for (int t = 0; t < tokens; t++) {
                double exact = 0;
                double scale = 0;
                for (int c = 0; c < cols; c++) {
                    exact += (double) row[c] * x[t * cols + c];
                    scale += Math.abs((double) row[c] * x[t * cols + c]);
                }
                assertThat((double) batch[t * ROWS + r]).as("token %d row %d", t, r)
                        .isCloseTo(exact, offset(1e-5 * scale));
            }
        }
    }
}
