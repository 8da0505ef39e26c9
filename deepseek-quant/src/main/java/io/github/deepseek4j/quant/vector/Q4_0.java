package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;

/** Q4_0 (d, then 16 bytes of nibble pairs): low nibbles are values 0-15, high nibbles 16-31, both offset by 8. */
final class Q4_0 extends VectorKernel {

    Q4_0(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 18L * b;
            int xb = xOffset + 32 * b;
            FloatVector sum = FloatVector.zero(F);
            for (int c = 0; c < 16; c += LANES) {
                IntVector q = Lanes.bytes(data, block + 2 + c);
                FloatVector low = Lanes.toFloat(q.and(0xF).sub(8));
                FloatVector high = Lanes.toFloat(q.lanewise(VectorOperators.ASHR, 4).and(0xF).sub(8));
                sum = low.fma(FloatVector.fromArray(F, x, xb + c), sum);
                sum = high.fma(FloatVector.fromArray(F, x, xb + 16 + c), sum);
            }
            acc = sum.fma(Lanes.halfScale(data, block), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
