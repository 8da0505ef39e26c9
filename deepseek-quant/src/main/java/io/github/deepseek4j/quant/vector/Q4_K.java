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

/**
 * Q4_K (d, dmin, packed 6-bit scales and mins, 128 bytes of nibbles): each value formed in lanes as
 * q * (d * scale_i) - dmin * min_i, then multiplied with x.
 */
final class Q4_K extends VectorKernel {

    Q4_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 144L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block));
            float dmin = Float.float16ToFloat(data.get(SHORT, block + 2));
            int w0 = data.get(INT, block + 4);
            int w1 = data.get(INT, block + 8);
            int w2 = data.get(INT, block + 12);
            for (int k = 0; k < 4; k++) {
                long qs = block + 16 + 32L * k;
                int xLow = xOffset + 256 * b + 64 * k;
                // value = q * (d * scale) - dmin * min, formed per lane and multiplied with x
                FloatVector scaleLow = FloatVector.broadcast(F, d * PackedScales.scale(w0, w1, w2, 2 * k));
                FloatVector minLow = FloatVector.broadcast(F, -dmin * PackedScales.min(w0, w1, w2, 2 * k));
                FloatVector scaleHigh = FloatVector.broadcast(F, d * PackedScales.scale(w0, w1, w2, 2 * k + 1));
                FloatVector minHigh = FloatVector.broadcast(F, -dmin * PackedScales.min(w0, w1, w2, 2 * k + 1));
                for (int c = 0; c < 32; c += LANES) {
                    IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, qs + c, LE)
                            .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                    FloatVector low = ((FloatVector) q.and(0xF).convert(VectorOperators.I2F, 0)).fma(scaleLow, minLow);
                    FloatVector high = ((FloatVector) q.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0))
                            .fma(scaleHigh, minHigh);
                    acc0 = acc0.add(high.fma(FloatVector.fromArray(F, x, xLow + c + 32),
                            low.mul(FloatVector.fromArray(F, x, xLow + c))));
                    FloatVector next = acc1; // alternate, so that two FMA chains run side by side
                    acc1 = acc0;
                    acc0 = next;
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
