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
 * (the native ones quantize activations to int8, as llama.cpp does), and a range is one call.
 */
public interface RowKernel {

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
}
