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

/**
 * Q4_K (d, dmin, packed 6-bit scales and mins, 128 bytes of nibbles): per sub-block i of 32,
 * (d * scale_i) * sum(q * x) - (dmin * min_i) * sum(x).
 */
final class Q4_K extends VectorKernel {

    Q4_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 144L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block));
            float dmin = Float.float16ToFloat(data.get(SHORT, block + 2));
            for (int k = 0; k < 4; k++) {
                long qs = block + 16 + 32L * k;
                int xLow = xOffset + 256 * b + 64 * k;
                FloatVector qxLow = FloatVector.zero(F);
                FloatVector qxHigh = FloatVector.zero(F);
                FloatVector sumLow = FloatVector.zero(F);
                FloatVector sumHigh = FloatVector.zero(F);
                for (int c = 0; c < 32; c += LANES) {
                    IntVector q = Lanes.bytes(data, qs + c);
                    FloatVector xl = FloatVector.fromArray(F, x, xLow + c);
                    FloatVector xh = FloatVector.fromArray(F, x, xLow + 32 + c);
                    qxLow = Lanes.toFloat(q.and(0xF)).fma(xl, qxLow);
                    qxHigh = Lanes.toFloat(q.lanewise(VectorOperators.ASHR, 4).and(0xF)).fma(xh, qxHigh);
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
