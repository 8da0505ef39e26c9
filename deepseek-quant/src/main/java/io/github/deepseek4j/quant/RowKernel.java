package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;

/**
 * Computes with rows of one weight type stored in (mapped) memory.
 *
 * <p>Offsets are byte offsets into {@code data} and must fall on a block boundary; {@code n} counts
 * elements and must be a whole number of blocks. Implementations are stateless and thread-safe.
 */
public interface RowKernel {

    GgmlType type();

    /** Writes the {@code n} values stored at {@code byteOffset} to {@code out[outOffset..outOffset+n)}. */
    void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n);

    /** The dot product of the {@code n} values stored at {@code byteOffset} with {@code x[xOffset..xOffset+n)}. */
    float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n);
}
