package io.github.deepseek4j.quant.blas;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.ForwardingRowKernel;
import io.github.deepseek4j.quant.PreparedBatch;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Prefill through {@code cblas_sgemm}: a range of rows times the whole batch is one matrix product per
 * piece of {@link #MIN_ROWS} rows or more and at most about {@link #MACS_PER_CALL} multiply-adds. F32 rows go to BLAS where they lie (mapped
 * memory); F16 and BF16 rows are first widened to floats in a per-thread scratch array. Everything else
 * (decode's one token at a time, dequantization, single dot products) is the {@code floats} kernel's.
 */
final class SgemmKernel extends ForwardingRowKernel {

    /**
     * Rows per sgemm call at least: each call packs the whole batch of activations, which costs as much as
     * the product itself below about 32 rows (1536 x 8960 x 128 tokens on one thread: 18 GFLOP/s with
     * 16 rows per call, 25-26 with 64, 30 with 1024).
     */
    static final int MIN_ROWS = 64;
    /**
     * Multiply-adds per call at most, unless {@link #MIN_ROWS} needs more: a critical downcall holds off
     * the garbage collector (about 1 ms at 30 GFLOP/s).
     */
    static final long MACS_PER_CALL = 1 << 24;
    /** Widened weights per call at most (F16, BF16), unless {@link #MIN_ROWS} needs more: 4 MiB per thread. */
    static final int WIDENED_FLOATS = 1 << 20;

    private final Cblas cblas;
    private final ThreadLocal<float[]> widened = ThreadLocal.withInitial(() -> new float[0]);

    SgemmKernel(RowKernel floats, Cblas cblas) {
        super(floats);
        this.cblas = cblas;
    }

    @Override
    public void dotRowsBatch(MemorySegment data, long byteOffset, int rows, PreparedBatch batch, float[] out,
                             int outOffset, int outStride) {
        int tokens = batch.size();
        int cols = batch.length();
        if (rows == 0 || tokens == 0) {
            return;
        }
        long rowBytes = type().byteSize(cols);
        // BLAS trusts its arguments: every float it touches is checked here.
        Objects.checkFromIndexSize(byteOffset, Math.multiplyExact(rowBytes, (long) rows), data.byteSize());
        if (rows > outStride) {
            throw new IllegalArgumentException(rows + " rows do not fit an output stride of " + outStride);
        }
        Objects.checkFromIndexSize(outOffset, Math.addExact(Math.multiplyExact(tokens - 1, outStride), rows),
                out.length);
        MemorySegment x = MemorySegment.ofArray(batch.floats()).asSlice(4L * batch.offset());
        MemorySegment y = MemorySegment.ofArray(out);
        int step = rowsPerCall(tokens, cols);
        for (int first = 0; first < rows; first += step) {
            int n = Math.min(step, rows - first);
            MemorySegment w = asFloats(data, byteOffset + first * rowBytes, n, cols);
            cblas.multiplyTransposed(tokens, n, cols, x, batch.stride(), w, cols,
                    y.asSlice(4L * (outOffset + first)), outStride);
        }
    }

    @Override
    public int batchRows() {
        return MIN_ROWS;
    }

    private int rowsPerCall(int tokens, int cols) {
        long rows = MACS_PER_CALL / ((long) tokens * cols);
        if (type() != GgmlType.F32) {
            rows = Math.min(rows, WIDENED_FLOATS / cols);
        }
        return (int) Math.clamp(rows, MIN_ROWS, Integer.MAX_VALUE);
    }

    /** {@code rows} rows of {@code cols} values at {@code byteOffset} as consecutive floats. */
    private MemorySegment asFloats(MemorySegment data, long byteOffset, int rows, int cols) {
        if (type() == GgmlType.F32) {
            return data.asSlice(byteOffset, 4L * rows * cols);
        }
        float[] buffer = widened.get();
        if (buffer.length < rows * cols) {
            buffer = new float[rows * cols];
            widened.set(buffer);
        }
        long rowBytes = type().byteSize(cols);
        for (int r = 0; r < rows; r++) {
            delegate().dequantize(data, byteOffset + r * rowBytes, buffer, r * cols, cols);
        }
        return MemorySegment.ofArray(buffer);
    }

    @Override
    public String toString() {
        return "blas " + type();
    }
}
