package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;

/**
 * Any block type without a dedicated kernel (Q2_K, Q3_K): each block is dequantized
 * by the scalar twin into a small buffer, then multiplied with {@code x} in vectors.
 */
final class Dequantizing extends VectorKernel {

    private final RowKernel scalar;

    Dequantizing(RowKernel scalar) {
        super(scalar);
        this.scalar = scalar;
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        int size = type().blockSize();
        int blockBytes = type().blockBytes();
        float[] values = new float[size];
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            scalar.dequantize(data, offset + (long) b * blockBytes, values, 0, size);
            int xb = xOffset + b * size;
            for (int i = 0; i < size; i += LANES) {
                acc = FloatVector.fromArray(F, values, i).fma(FloatVector.fromArray(F, x, xb + i), acc);
            }
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
