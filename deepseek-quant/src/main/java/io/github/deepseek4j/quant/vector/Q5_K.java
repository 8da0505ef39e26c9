package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.scalar.PackedScales;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.B;
import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.I;
import static io.github.deepseek4j.quant.vector.Lanes.INT;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/** Q5_K: Q4_K plus the fifth bit of value l of sub-block i in bit i of qh[l]. */
final class Q5_K extends VectorKernel {

    Q5_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 176L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block));
            float dmin = Float.float16ToFloat(data.get(SHORT, block + 2));
            int w0 = data.get(INT, block + 4);
            int w1 = data.get(INT, block + 8);
            int w2 = data.get(INT, block + 12);
            for (int k = 0; k < 4; k++) {
                long qs = block + 48 + 32L * k;
                int xLow = xOffset + 256 * b + 64 * k;
                // value = q * (d * scale) - dmin * min, formed per lane and multiplied with x
                FloatVector scaleLow = FloatVector.broadcast(F, d * PackedScales.scale(w0, w1, w2, 2 * k));
                FloatVector minLow = FloatVector.broadcast(F, -dmin * PackedScales.min(w0, w1, w2, 2 * k));
                FloatVector scaleHigh = FloatVector.broadcast(F, d * PackedScales.scale(w0, w1, w2, 2 * k + 1));
                FloatVector minHigh = FloatVector.broadcast(F, -dmin * PackedScales.min(w0, w1, w2, 2 * k + 1));
                for (int c = 0; c < 32; c += LANES) {
                    IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, qs + c, LE)
                            .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                    IntVector qh = ((IntVector) ByteVector.fromMemorySegment(B, data, block + 16 + c, LE)
                            .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0))
                            .lanewise(VectorOperators.LSHR, 2 * k);
                    IntVector lowQ = q.and(0xF).or(qh.and(1).lanewise(VectorOperators.LSHL, 4));
                    IntVector highQ = q.lanewise(VectorOperators.LSHR, 4).or(qh.and(2).lanewise(VectorOperators.LSHL, 3));
                    FloatVector low = ((FloatVector) lowQ.convert(VectorOperators.I2F, 0)).fma(scaleLow, minLow);
                    FloatVector high = ((FloatVector) highQ.convert(VectorOperators.I2F, 0)).fma(scaleHigh, minHigh);
                    acc0 = low.fma(FloatVector.fromArray(F, x, xLow + c), acc0);
                    acc1 = high.fma(FloatVector.fromArray(F, x, xLow + 32 + c), acc1);
                }
            }
        }
        FloatVector total = acc0.add(acc1);
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += total.lane(lane);
        }
        return sum;
    }
}
