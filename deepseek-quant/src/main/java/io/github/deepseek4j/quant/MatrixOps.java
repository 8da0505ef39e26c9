package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;

/** Matrix products of a weight matrix in mapped memory with float activations, parallel over output rows. */
public final class MatrixOps {

    private MatrixOps() {
    }

    /**
     * {@code y[r] = dot(row r of w, x)} for {@code rows} rows of {@code cols} values each, the matrix
     * starting at {@code byteOffset} of {@code w} (decode: one token).
     */
    public static void matVec(RowKernel kernel, MemorySegment w, long byteOffset, int rows, int cols,
                              float[] x, float[] y, RowParallel parallel) {
        long rowBytes = kernel.type().byteSize(cols);
        parallel.forRange(rows, (from, to) -> {
            for (int r = from; r < to; r++) {
                y[r] = kernel.dot(w, byteOffset + r * rowBytes, x, 0, cols);
            }
        });
    }

    /**
     * {@code y[t*rows + r] = dot(row r, x[t*cols ..])} for {@code tokens} activation vectors stored one
     * after another (prefill): each weight row is read once and applied to every token while it is
     * in cache.
     */
    public static void matMul(RowKernel kernel, MemorySegment w, long byteOffset, int rows, int cols,
                              float[] x, int tokens, float[] y, RowParallel parallel) {
        long rowBytes = kernel.type().byteSize(cols);
        parallel.forRange(rows, (from, to) -> {
            for (int r = from; r < to; r++) {
                long offset = byteOffset + r * rowBytes;
                for (int t = 0; t < tokens; t++) {
                    y[t * rows + r] = kernel.dot(w, offset, x, t * cols, cols);
                }
            }
        });
    }
}
