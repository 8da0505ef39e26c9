package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.scalar.PackedScales;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/** Q5_K: Q4_K plus the fifth bit of value l of sub-block i in bit i of qh[l]. */
final class Q5_K extends VectorKernel {

    Q5_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 176L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block));
            float dmin = Float.float16ToFloat(data.get(SHORT, block + 2));
            for (int k = 0; k < 4; k++) {
                long qs = block + 48 + 32L * k;
                int xLow = xOffset + 256 * b + 64 * k;
                FloatVector qxLow = FloatVector.zero(F);
                FloatVector qxHigh = FloatVector.zero(F);
                FloatVector sumLow = FloatVector.zero(F);
                FloatVector sumHigh = FloatVector.zero(F);
                for (int c = 0; c < 32; c += LANES) {
                    IntVector q = Lanes.bytes(data, qs + c);
                    IntVector qh = Lanes.bytes(data, block + 16 + c).lanewise(VectorOperators.ASHR, 2 * k);
                    IntVector low = q.and(0xF).or(qh.and(1).lanewise(VectorOperators.LSHL, 4));
                    IntVector high = q.lanewise(VectorOperators.ASHR, 4).and(0xF).or(qh.and(2).lanewise(VectorOperators.LSHL, 3));
                    FloatVector xl = FloatVector.fromArray(F, x, xLow + c);
                    FloatVector xh = FloatVector.fromArray(F, x, xLow + 32 + c);
                    qxLow = Lanes.toFloat(low).fma(xl, qxLow);
                    qxHigh = Lanes.toFloat(high).fma(xh, qxHigh);
                    sumLow = sumLow.add(xl);
                    sumHigh = sumHigh.add(xh);
                }
                acc = qxLow.fma(FloatVector.broadcast(F, d * PackedScales.scale(data, block + 4, 2 * k)), acc);
                acc = sumLow.fma(FloatVector.broadcast(F, -dmin * PackedScales.min(data, block + 4, 2 * k)), acc);
                acc = qxHigh.fma(FloatVector.broadcast(F, d * PackedScales.scale(data, block + 4, 2 * k + 1)), acc);
                acc = sumHigh.fma(FloatVector.broadcast(F, -dmin * PackedScales.min(data, block + 4, 2 * k + 1)), acc);
            }
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
