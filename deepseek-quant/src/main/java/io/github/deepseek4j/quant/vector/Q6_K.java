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
                long qh = block + 128 + 32L * half;
                long sc = block + 192 + 8L * half;
                // Group g holds values 32g..32g+31 of this half: the low (g < 2) or high nibbles of
                // ql[32 * (g % 2) + l], topped with bits 2g..2g+1 of qh[l]. One loop body keeps the
                // compiled method small enough for C2 to inline every vector operation.
                for (int g = 0; g < 4; g++) {
                    long ql = block + 64L * half + 32 * (g & 1);
                    int shift = 4 * (g >> 1);
                    int xb = xOffset + 256 * b + 128 * half + 32 * g;
                    for (int c = 0; c < 32; c += LANES) {
                        IntVector low = Lanes.bytes(data, ql + c).lanewise(VectorOperators.ASHR, shift).and(0xF);
                        IntVector high = Lanes.bytes(data, qh + c).lanewise(VectorOperators.ASHR, 2 * g).and(3);
                        IntVector q = low.or(high.lanewise(VectorOperators.LSHL, 4)).sub(32);
                        float scale = d * data.get(ValueLayout.JAVA_BYTE, sc + c / 16 + 2 * g);
                        acc = Lanes.toFloat(q).mul(FloatVector.fromArray(F, x, xb + c)).fma(FloatVector.broadcast(F, scale), acc);
                    }
                }
            }
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }
}
