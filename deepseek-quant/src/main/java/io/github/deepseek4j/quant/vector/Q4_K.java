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
        FloatVector acc = FloatVector.zero(F);
        FloatVector accHigh = FloatVector.zero(F);
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
                for (int c = 0; c < 32; c += 2 * LANES) {
                    acc = acc.add(chunk(data, qs + c, scaleLow, minLow, scaleHigh, minHigh, x, xLow + c));
                    accHigh = accHigh.add(chunk(data, qs + c + LANES, scaleLow, minLow, scaleHigh, minHigh, x, xLow + c + LANES));
                }
            }
        }
        return Lanes.sum(acc.add(accHigh));
    }

    /** {@code LANES} low-nibble values times x plus the high-nibble values 32 further on. */
    private static FloatVector chunk(MemorySegment data, long qs, FloatVector scaleLow, FloatVector minLow,
                                     FloatVector scaleHigh, FloatVector minHigh, float[] x, int xIndex) {
        IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, qs, LE)
                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
        FloatVector low = ((FloatVector) q.and(0xF).convert(VectorOperators.I2F, 0)).fma(scaleLow, minLow);
        FloatVector high = ((FloatVector) q.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0))
                .fma(scaleHigh, minHigh);
        return high.fma(FloatVector.fromArray(F, x, xIndex + 32), low.mul(FloatVector.fromArray(F, x, xIndex)));
    }
}
