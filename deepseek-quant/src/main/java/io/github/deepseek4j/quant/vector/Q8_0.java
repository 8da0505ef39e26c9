package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;

/** Q8_0 (d, then 32 int8): per block, sum q * x over the block, then scale once by d. */
final class Q8_0 extends VectorKernel {

    Q8_0(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 34L * b;
            int xb = xOffset + 32 * b;
            FloatVector sum = FloatVector.zero(F);
            for (int c = 0; c < 32; c += LANES) {
                sum = Lanes.toFloat(Lanes.bytes(data, block + 2 + c)).fma(FloatVector.fromArray(F, x, xb + c), sum);
            }
            acc = sum.fma(Lanes.halfScale(data, block), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
