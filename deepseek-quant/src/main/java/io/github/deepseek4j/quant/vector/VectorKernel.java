package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.MemorySegment;

/**
 * A Vector API dot product beside its scalar twin. Dequantization is the twin's: it is not on the
 * hot path, and sharing it keeps the two backends bit-identical by construction.
 */
abstract class VectorKernel implements RowKernel {

    private final RowKernel scalar;

    VectorKernel(RowKernel scalar) {
        this.scalar = scalar;
    }

    @Override
    public final GgmlType type() {
        return scalar.type();
    }

    @Override
    public final void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n) {
        scalar.dequantize(data, byteOffset, out, outOffset, n);
    }

    @Override
    public final float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n) {
        int blockSize = type().blockSize();
        if (n < 0 || n % blockSize != 0) {
            throw new IllegalArgumentException(
                    n + " elements is not a whole number of " + type() + " blocks of " + blockSize);
        }
        return dotBlocks(data, byteOffset, x, xOffset, n / blockSize);
    }

    /** The dot product of {@code blocks} whole blocks at {@code byteOffset} with {@code x[xOffset..]}. */
    abstract float dotBlocks(MemorySegment data, long byteOffset, float[] x, int xOffset, int blocks);
}
