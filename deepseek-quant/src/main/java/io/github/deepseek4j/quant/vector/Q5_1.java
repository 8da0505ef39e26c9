package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.INT;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;

/** Q5_1 (d, m, 32 fifth bits, nibble pairs): per block d * sum(q * x) + m * sum(x). */
final class Q5_1 extends VectorKernel {

    Q5_1(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 24L * b;
            int xb = xOffset + 32 * b;
            IntVector qh = IntVector.broadcast(Lanes.I, data.get(INT, block + 4));
            FloatVector sumQx = FloatVector.zero(F);
            FloatVector sumX = FloatVector.zero(F);
            for (int c = 0; c < 16; c += LANES) {
                IntVector q = Lanes.bytes(data, block + 8 + c);
                IntVector low = q.and(0xF).or(Lanes.fifthBits(qh, c));
                IntVector high = q.lanewise(VectorOperators.ASHR, 4).and(0xF).or(Lanes.fifthBits(qh, 16 + c));
                FloatVector xLow = FloatVector.fromArray(F, x, xb + c);
                FloatVector xHigh = FloatVector.fromArray(F, x, xb + 16 + c);
                sumQx = Lanes.toFloat(low).fma(xLow, sumQx);
                sumQx = Lanes.toFloat(high).fma(xHigh, sumQx);
                sumX = sumX.add(xLow).add(xHigh);
            }
            acc = sumQx.fma(Lanes.halfScale(data, block), acc);
            acc = sumX.fma(Lanes.halfScale(data, block + 2), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
