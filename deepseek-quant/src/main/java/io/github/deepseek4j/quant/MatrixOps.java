package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;

/**
 * Matrix products of a weight matrix in mapped memory with float activations, parallel over output rows.
 * Activations are prepared once per vector ({@link RowKernel#prepare}) and each parallel chunk of rows
 * is one {@link RowKernel#dotRows} call, so every row's value is independent of the thread count.
 */
public final class MatrixOps {

    /** Rows applied to every token while they are in cache (prefill). */
    private static final int ROW_TILE = 16;

    private MatrixOps() {
    }

    /**
     * {@code y[r] = dot(row r of w, x)} for {@code rows} rows of {@code cols} values each, the matrix
     * starting at {@code byteOffset} of {@code w} (decode: one token).
     */
    public static void matVec(RowKernel kernel, MemorySegment w, long byteOffset, int rows, int cols,
                              float[] x, float[] y, RowParallel parallel) {
        long rowBytes = kernel.type().byteSize(cols);
        PreparedActivations prepared = kernel.prepare(x, 0, cols);
        parallel.forRange(rows, (from, to) ->
                kernel.dotRows(w, byteOffset + from * rowBytes, to - from, prepared, y, from));
    }

    /**
     * {@code y[t*rows + r] = dot(row r, x[t*cols ..])} for {@code tokens} activation vectors stored one
     * after another (prefill): each tile of weight rows is read once and applied to every token while it
     * is in cache.
     */
    public static void matMul(RowKernel kernel, MemorySegment w, long byteOffset, int rows, int cols,
                              float[] x, int tokens, float[] y, RowParallel parallel) {
        long rowBytes = kernel.type().byteSize(cols);
        PreparedActivations[] prepared = new PreparedActivations[tokens];
        for (int t = 0; t < tokens; t++) {
            prepared[t] = kernel.prepare(x, t * cols, cols);
        }
        parallel.forRange(rows, (from, to) -> {
            for (int tile = from; tile < to; tile += ROW_TILE) {
                int n = Math.min(ROW_TILE, to - tile);
                for (int t = 0; t < tokens; t++) {
                    kernel.dotRows(w, byteOffset + tile * rowBytes, n, prepared[t], y, t * rows + tile);
                }
            }
        });
    }
}
