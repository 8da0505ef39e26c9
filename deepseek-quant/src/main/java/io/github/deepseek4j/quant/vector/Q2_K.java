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
 * Q2_K (4-bit scale and min per sub-block of 16, 2-bit quants, d, dmin). Sub-block s (0..15) reads
 * bits 2j..2j+1 of {@code qs[32 * half + 16 * part + l]} with half = s / 8, j = (s % 8) / 2,
 * part = s % 2; sub-blocks alternate between two accumulators.
 */
final class Q2_K extends VectorKernel {

    Q2_K(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 84L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block + 80));
            float dmin = Float.float16ToFloat(data.get(SHORT, block + 82));
            for (int s = 0; s < 16; s++) {
                long qs = block + 16 + 32L * (s / 8) + 16 * (s % 2);
                int shift = 2 * ((s % 8) / 2);
                int scaleMin = data.get(ValueLayout.JAVA_BYTE, block + s);
                FloatVector scale = FloatVector.broadcast(F, d * (scaleMin & 0xF));
                FloatVector min = FloatVector.broadcast(F, -dmin * ((scaleMin >> 4) & 0xF));
                int xb = xOffset + 256 * b + 16 * s;
                for (int c = 0; c < 16; c += LANES) {
                    IntVector q = ((IntVector) ByteVector.fromMemorySegment(B, data, qs + c, LE)
                            .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0))
                            .lanewise(VectorOperators.LSHR, shift).and(3);
                    FloatVector value = ((FloatVector) q.convert(VectorOperators.I2F, 0)).fma(scale, min);
                    acc0 = value.fma(FloatVector.fromArray(F, x, xb + c), acc0);
                }
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
