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
 * Q3_K (hmask, 2-bit quants, packed 6-bit scales, d). Sub-block s (0..15) reads bits 2j..2j+1 of
 * {@code qs[32 * half + 16 * part + l]} and bit {@code 4 * half + j} of {@code hmask[16 * part + l]}
 * (half = s / 8, j = (s % 8) / 2, part = s % 2): value = low bits + 4 * hbit - 4. Even and odd
 * sub-blocks go to separate accumulators.
 */
final class Q3_K extends VectorKernel {

    Q3_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 110L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block + 108));
            int w0 = data.get(INT, block + 96);
            int w1 = data.get(INT, block + 100);
            int w2 = data.get(INT, block + 104);
            for (int s = 0; s < 16; s++) {
                int part = s % 2;
                long qs = block + 32 + 32L * (s / 8) + 16 * part;
                long hmask = block + 16 * part;
                int j = (s % 8) / 2;
                int hbit = 4 * (s / 8) + j;
                int xb = xOffset + 256 * b + 16 * s;
                FloatVector sum = FloatVector.zero(F);
                for (int c = 0; c < 16; c += LANES) {
                    IntVector low = ((IntVector) ByteVector.fromMemorySegment(B, data, qs + c, LE)
                            .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0))
                            .lanewise(VectorOperators.LSHR, 2 * j).and(3);
                    IntVector high = ((IntVector) ByteVector.fromMemorySegment(B, data, hmask + c, LE)
                            .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0))
                            .lanewise(VectorOperators.LSHR, hbit).and(1).lanewise(VectorOperators.LSHL, 2);
                    FloatVector value = (FloatVector) low.add(high).sub(4).convert(VectorOperators.I2F, 0);
                    sum = value.fma(FloatVector.fromArray(F, x, xb + c), sum);
                }
                float scale = d * (PackedScales.q3Scale(w0, w1, w2, s) - 32);
                acc0 = sum.fma(FloatVector.broadcast(F, scale), acc0);
                FloatVector next = acc1; // alternate, so that two FMA chains run side by side
                acc1 = acc0;
                acc0 = next;
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
