package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/**
 * Q6_K (ql, qh, int8 scales of sub-blocks of 16, d): each group of {@code LANES} values shares one
 * scale, so it is summed as q * x and scaled by d * scale.
 */
final class Q6_K extends VectorKernel {

    Q6_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 210L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block + 208));
            for (int half = 0; half < 2; half++) {
                long ql = block + 64L * half;
                long qh = block + 128 + 32L * half;
                long sc = block + 192 + 8L * half;
                int xb = xOffset + 256 * b + 128 * half;
                for (int c = 0; c < 32; c += LANES) {
                    IntVector low = Lanes.bytes(data, ql + c);
                    IntVector low32 = Lanes.bytes(data, ql + 32 + c);
                    IntVector high = Lanes.bytes(data, qh + c);
                    IntVector q1 = low.and(0xF).or(high.and(3).lanewise(VectorOperators.LSHL, 4)).sub(32);
                    IntVector q2 = low32.and(0xF).or(high.and(0xC).lanewise(VectorOperators.LSHL, 2)).sub(32);
                    IntVector q3 = low.lanewise(VectorOperators.ASHR, 4).and(0xF).or(high.and(0x30)).sub(32);
                    IntVector q4 = low32.lanewise(VectorOperators.ASHR, 4).and(0xF)
                            .or(high.lanewise(VectorOperators.ASHR, 2).and(0x30)).sub(32);
                    int is = c / 16;
                    acc = scaled(q1, x, xb + c, d * scale(data, sc + is), acc);
                    acc = scaled(q2, x, xb + 32 + c, d * scale(data, sc + is + 2), acc);
                    acc = scaled(q3, x, xb + 64 + c, d * scale(data, sc + is + 4), acc);
                    acc = scaled(q4, x, xb + 96 + c, d * scale(data, sc + is + 6), acc);
                }
            }
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private static FloatVector scaled(IntVector q, float[] x, int xIndex, float scale, FloatVector acc) {
        return Lanes.toFloat(q).mul(FloatVector.fromArray(F, x, xIndex)).fma(FloatVector.broadcast(F, scale), acc);
    }

    private static int scale(MemorySegment data, long offset) {
        return data.get(ValueLayout.JAVA_BYTE, offset);
    }
}
