package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;

/**
 * Matrix products of a weight matrix in mapped memory with float activations, parallel over output rows.
 * Activations are prepared once per vector ({@link RowKernel#prepare}) and each parallel chunk of rows
 * is one {@link RowKernel#dotRows} call, so every row's value is independent of the thread count.
 */
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
        PreparedActivations prepared = kernel.prepare(x, 0, cols);
        parallel.forRange(rows, (from, to) ->
                kernel.dotRows(w, byteOffset + from * rowBytes, to - from, prepared, y, from));
    }

    /**
     * {@code y[t*rows + r] = dot(row r, x[t*cols ..])} for {@code tokens} activation vectors stored one
     * after another (prefill): each parallel chunk of rows (of at least {@link RowKernel#batchRows} rows) is
     * one {@link RowKernel#dotRowsBatch} call, which
     * reads its weights once for every token (the default: {@value RowKernel#BATCH_ROW_TILE} rows at a time
     * while they are in cache; a matrix-product kernel: all at once).
     */
    public static void matMul(RowKernel kernel, MemorySegment w, long byteOffset, int rows, int cols,
                              float[] x, int tokens, float[] y, RowParallel parallel) {
        long rowBytes = kernel.type().byteSize(cols);
        PreparedBatch batch = kernel.prepareBatch(x, 0, cols, tokens);
        int grain = kernel.batchRows();
        parallel.forRange(Math.ceilDiv(rows, grain), (from, to) -> {
            int first = from * grain;
            int last = Math.min(rows, to * grain);
            kernel.dotRowsBatch(w, byteOffset + first * rowBytes, last - first, batch, y, first, rows);
        });
    }
}
