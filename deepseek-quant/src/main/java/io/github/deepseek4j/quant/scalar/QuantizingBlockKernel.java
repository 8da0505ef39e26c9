package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowQuantizer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A block type that can also be written: a subclass says how one block quantizes, as ggml's {@code quantize_row_*_ref}. */
abstract class QuantizingBlockKernel extends BlockKernel implements RowQuantizer {

    QuantizingBlockKernel(GgmlType type) {
        super(type);
    }

    /** Quantizes {@code x[xOffset..xOffset+blockSize)} into the block at {@code block}. */
    abstract void quantizeBlock(float[] x, int xOffset, MemorySegment out, long block);

    @Override
    public final void quantize(float[] x, int xOffset, MemorySegment out, long byteOffset, int n) {
        GgmlType type = type();
        if (n < 0 || n % type.blockSize() != 0) {
            throw new IllegalArgumentException(
                    n + " elements is not a whole number of " + type + " blocks of " + type.blockSize());
        }
        for (int b = 0; b < n / type.blockSize(); b++) {
            quantizeBlock(x, xOffset + b * type.blockSize(), out, byteOffset + (long) b * type.blockBytes());
        }
    }

    /** 256 two-bit levels, four to a byte: per half of 128 values, bits 2s..2s+1 of byte l hold value 32s + l. */
    static void packTwoBits(int[] levels, MemorySegment out, long at) {
        for (int half = 0; half < 2; half++) {
            int j = 128 * half;
            for (int l = 0; l < 32; l++) {
                out.set(ValueLayout.JAVA_BYTE, at + 32L * half + l, (byte) (levels[j + l]
                        | levels[j + l + 32] << 2 | levels[j + l + 64] << 4 | levels[j + l + 96] << 6));
            }
        }
    }

    /** C's {@code roundf}: halves round away from zero (Java's {@link Math#round} rounds them up). */
    static int roundAway(float v) {
        return (int) Math.copySign(Math.floor(Math.abs((double) v) + 0.5), v);
    }

    /** The value of largest magnitude (the first one on ties), keeping its sign. */
    static float signedAbsMax(float[] x, int from, int n) {
        float amax = 0;
        float max = 0;
        for (int i = from; i < from + n; i++) {
            if (amax < Math.abs(x[i])) {
                amax = Math.abs(x[i]);
                max = x[i];
            }
        }
        return max;
    }

    static float min(float[] x, int from, int n) {
        float min = Float.MAX_VALUE;
        for (int i = from; i < from + n; i++) {
            if (x[i] < min) {
                min = x[i];
            }
        }
        return min;
    }

    static float max(float[] x, int from, int n) {
        float max = -Float.MAX_VALUE;
        for (int i = from; i < from + n; i++) {
            if (x[i] > max) {
                max = x[i];
            }
        }
        return max;
    }

    static float inverse(float d) {
        return d != 0 ? 1.0f / d : 0.0f;
    }
}
