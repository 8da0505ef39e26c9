package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.vector.Lanes.B;
import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.I;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/**
 * Q6_K (ql, qh, int8 scales of sub-blocks of 16, d). Each half of 128 values is four groups of 32:
 * group g takes the low (g < 2) or high nibbles of {@code ql[32 * (g % 2) + l]}, topped with bits
 * 2g..2g+1 of {@code qh[l]}; every {@code LANES} values share one scale. Chunks alternate between
 * two accumulators, so that two FMA chains run side by side.
 */
final class Q6_K extends VectorKernel {

    Q6_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 210L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block + 208));
            for (int half = 0; half < 2; half++) {
                for (int g = 0; g < 4; g++) {
                    long ql = block + 64L * half + 32 * (g & 1);
                    long qh = block + 128 + 32L * half;
                    long sc = block + 192 + 8L * half + 2 * g;
                    int xb = xOffset + 256 * b + 128 * half + 32 * g;
                    for (int c = 0; c < 32; c += LANES) {
                        IntVector low = (IntVector) ByteVector.fromMemorySegment(B, data, ql + c, LE)
                                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                        IntVector high = (IntVector) ByteVector.fromMemorySegment(B, data, qh + c, LE)
                                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                        IntVector q = low.lanewise(VectorOperators.LSHR, 4 * (g >> 1)).and(0xF)
                                .or(high.lanewise(VectorOperators.LSHR, 2 * g).and(3).lanewise(VectorOperators.LSHL, 4))
                                .sub(32);
                        float scale = d * data.get(ValueLayout.JAVA_BYTE, sc + c / 16);
                        FloatVector qx = ((FloatVector) q.convert(VectorOperators.I2F, 0))
                                .mul(FloatVector.fromArray(F, x, xb + c));
                        acc0 = qx.fma(FloatVector.broadcast(F, scale), acc0);
                        FloatVector next = acc1; // alternate, so that two FMA chains run side by side
                        acc1 = acc0;
                        acc0 = next;
                    }
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
