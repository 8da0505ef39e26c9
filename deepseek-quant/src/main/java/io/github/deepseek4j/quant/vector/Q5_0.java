package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.INT;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;

/** Q5_0 (d, 32 fifth bits, nibble pairs): the fifth bit of value j is bit j of the broadcast qh word. */
final class Q5_0 extends VectorKernel {

    Q5_0(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 22L * b;
            int xb = xOffset + 32 * b;
            IntVector qh = IntVector.broadcast(Lanes.I, data.get(INT, block + 2));
            FloatVector sum = FloatVector.zero(F);
            for (int c = 0; c < 16; c += LANES) {
                IntVector q = Lanes.bytes(data, block + 6 + c);
                IntVector low = q.and(0xF).or(Lanes.fifthBits(qh, c)).sub(16);
                IntVector high = q.lanewise(VectorOperators.ASHR, 4).and(0xF).or(Lanes.fifthBits(qh, 16 + c)).sub(16);
                sum = Lanes.toFloat(low).fma(FloatVector.fromArray(F, x, xb + c), sum);
                sum = Lanes.toFloat(high).fma(FloatVector.fromArray(F, x, xb + 16 + c), sum);
            }
            acc = sum.fma(Lanes.halfScale(data, block), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
