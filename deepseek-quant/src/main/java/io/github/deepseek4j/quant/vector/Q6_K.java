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
 * 2g..2g+1 of {@code qh[l]}; every {@code LANES} values share one scale. Two accumulators take
 * alternate chunks so two FMA chains run side by side.
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
                    for (int c = 0; c < 32; c += 2 * LANES) {
                        acc0 = chunk(data, ql + c, qh + c, g, d * data.get(ValueLayout.JAVA_BYTE, sc + c / 16),
                                x, xb + c, acc0);
                        acc1 = chunk(data, ql + c + LANES, qh + c + LANES, g,
                                d * data.get(ValueLayout.JAVA_BYTE, sc + (c + LANES) / 16), x, xb + c + LANES, acc1);
                    }
                }
            }
        }
        return Lanes.sum(acc0.add(acc1));
    }

    /** {@code acc} plus {@code LANES} values of group {@code g}, scaled by {@code scale}, times x. */
    private static FloatVector chunk(MemorySegment data, long ql, long qh, int g, float scale,
                                     float[] x, int xIndex, FloatVector acc) {
        IntVector low = (IntVector) ByteVector.fromMemorySegment(B, data, ql, LE)
                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
        IntVector high = (IntVector) ByteVector.fromMemorySegment(B, data, qh, LE)
                .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
        IntVector q = low.lanewise(VectorOperators.LSHR, 4 * (g >> 1)).and(0xF)
                .or(high.lanewise(VectorOperators.LSHR, 2 * g).and(3).lanewise(VectorOperators.LSHL, 4))
                .sub(32);
        FloatVector qx = ((FloatVector) q.convert(VectorOperators.I2F, 0)).mul(FloatVector.fromArray(F, x, xIndex));
        return qx.fma(FloatVector.broadcast(F, scale), acc);
    }
}
