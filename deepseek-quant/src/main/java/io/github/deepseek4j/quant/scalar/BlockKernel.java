package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowKernel;

import java.lang.foreign.MemorySegment;

/**
 * A quantized type read one block at a time: a subclass only says how one block dequantizes,
 * exactly as ggml's reference {@code dequantize_row_*} does; rows and dot products follow from it.
 */
abstract class BlockKernel implements RowKernel {

    private final GgmlType type;

    BlockKernel(GgmlType type) {
        this.type = type;
    }

    @Override
    public final GgmlType type() {
        return type;
    }

    /** Writes the {@code type().blockSize()} values of the block at {@code block} to {@code out[outOffset..]}. */
    abstract void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset);

    @Override
    public final void dequantize(MemorySegment data, long byteOffset, float[] out, int outOffset, int n) {
        int blocks = wholeBlocks(n);
        for (int b = 0; b < blocks; b++) {
            dequantizeBlock(data, byteOffset + (long) b * type.blockBytes(), out, outOffset + b * type.blockSize());
        }
    }

    @Override
    public final float dot(MemorySegment data, long byteOffset, float[] x, int xOffset, int n) {
        int blocks = wholeBlocks(n);
        int size = type.blockSize();
        float[] values = new float[size];
        float sum = 0;
        for (int b = 0; b < blocks; b++) {
            dequantizeBlock(data, byteOffset + (long) b * type.blockBytes(), values, 0);
            int base = xOffset + b * size;
            for (int i = 0; i < size; i++) {
                sum += values[i] * x[base + i];
            }
        }
        return sum;
    }

    private int wholeBlocks(int n) {
        if (n < 0 || n % type.blockSize() != 0) {
            throw new IllegalArgumentException(
                    n + " elements is not a whole number of " + type + " blocks of " + type.blockSize());
        }
        return n / type.blockSize();
    }
}
