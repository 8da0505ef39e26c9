package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Computes with rows of one weight type stored in (mapped) memory.
 *
 * <p>Offsets are byte offsets into {@code data} and must fall on a block boundary; {@code n} counts
 * elements and must be a whole number of blocks. Implementations are stateless and thread-safe.
 *
 * <p>For many rows against one activation vector, {@link #prepare prepare} it once and call
 * {@link #dotRows dotRows} per range of rows: a kernel may compute in another form than the floats
 * (the native ones quantize activations to int8, as llama.cpp does), and a range is one call. For many
 * vectors (prefill), {@link #prepareBatch prepareBatch} and {@link #dotRowsBatch dotRowsBatch}: a kernel may
 * compute a range of rows against the whole batch as one matrix product.
 */
public interface RowKernel {

    /** Rows the default {@link #dotRowsBatch} applies to every token while they are in cache. */
    int BATCH_ROW_TILE = 16;

    GgmlType type();

    /** Writes the {@code n} values stored at {@code byteOffset} to {@code out[outOffset..outOffset+n)}. */
    void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n);

    /** The dot product of the {@code n} values stored at {@code byteOffset} with {@code x[xOffset..xOffset+n)}. */
    float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n);

    /** {@code x[offset..offset+n)} in the form {@link #dotRows} wants; here the floats themselves. */
    default PreparedActivations prepare(float[] x, int offset, int n) {
        return new PreparedActivations(x, offset, n);
    }

    /** The dot product of the row at {@code byteOffset} with prepared activations. */
    default float dot(MemorySegment data, long byteOffset, PreparedActivations x) {
        return dot(data, byteOffset, x.floats(), x.offset(), x.length());
    }

    /**
     * {@code out[outOffset + i] = dot(row i, x)} for {@code rows} consecutive rows of {@code x.length()}
     * values, the first at {@code byteOffset}. Each row gives the same value as {@link #dot(MemorySegment,
     * long, PreparedActivations)}, whatever range it is computed in.
     */
    default void dotRows(MemorySegment data, long byteOffset, int rows, PreparedActivations x,
                         float[] out, int outOffset) {
        Objects.checkFromIndexSize(outOffset, rows, out.length);
        long rowBytes = type().byteSize(x.length());
        for (int r = 0; r < rows; r++) {
            out[outOffset + r] = dot(data, byteOffset + r * rowBytes, x);
        }
    }

    /**
     * {@code tokens} vectors of {@code n} values, token {@code t} at {@code x[offset + t*n ..]}, each
     * {@link #prepare prepared} once.
     */
    default PreparedBatch prepareBatch(float[] x, int offset, int n, int tokens) {
        Objects.checkFromIndexSize(offset, Math.multiplyExact(n, tokens), x.length);
        PreparedActivations[] prepared = new PreparedActivations[tokens];
        for (int t = 0; t < tokens; t++) {
            prepared[t] = prepare(x, offset + t * n, n);
        }
        return new PreparedBatch(x, offset, n, prepared);
    }

    /**
     * Rows each {@link #dotRowsBatch} call should get at least (the last one of a matrix excepted): a kernel
     * that computes a batch as a matrix product pays a fixed cost per call. 1 by default.
     */
    default int batchRows() {
        return 1;
    }

    /**
     * {@code out[outOffset + t*outStride + r] = dot(row r, token t)} for {@code rows} consecutive rows (the
     * first at {@code byteOffset}) and every token of the batch. This default takes {@value #BATCH_ROW_TILE}
     * rows at a time and applies them to every token with {@link #dotRows}, so each value is the one
     * {@code dotRows} gives; a kernel that overrides it (a matrix product) may round differently.
     */
    default void dotRowsBatch(MemorySegment data, long byteOffset, int rows, PreparedBatch batch,
                              float[] out, int outOffset, int outStride) {
        long rowBytes = type().byteSize(batch.length());
        for (int tile = 0; tile < rows; tile += BATCH_ROW_TILE) {
            int n = Math.min(BATCH_ROW_TILE, rows - tile);
            for (int t = 0; t < batch.size(); t++) {
                dotRows(data, byteOffset + tile * rowBytes, n, batch.token(t), out, outOffset + t * outStride + tile);
            }
        }
    }
}
