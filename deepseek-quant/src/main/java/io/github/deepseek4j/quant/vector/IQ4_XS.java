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

/** IQ4_XS (d, 6-bit sub-block scales, 128 bytes of codebook index pairs): eight IQ4_NL-like sub-blocks. */
final class IQ4_XS extends VectorKernel {

    IQ4_XS(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 136L * b;
            float d = Float.float16ToFloat(data.get(SHORT, block));
            int scalesHigh = data.get(SHORT, block + 2);
            for (int i = 0; i < 8; i++) {
                int low = (data.get(ValueLayout.JAVA_BYTE, block + 4 + i / 2) >> 4 * (i % 2)) & 0xF;
                int scale = low | ((scalesHigh >> 2 * i) & 3) << 4;
                long qs = block + 8 + 16L * i;
                int xb = xOffset + 256 * b + 32 * i;
                FloatVector sum = FloatVector.zero(F);
                for (int c = 0; c < 16; c += LANES) {
                    IntVector q = Lanes.ubytes(data, qs + c);
                    sum = Lanes.iq4Levels(q.and(0xF)).fma(FloatVector.fromArray(F, x, xb + c), sum);
                    sum = Lanes.iq4Levels(q.lanewise(VectorOperators.LSHR, 4)).fma(FloatVector.fromArray(F, x, xb + 16 + c), sum);
                }
                acc = sum.fma(FloatVector.broadcast(F, d * (scale - 32)), acc);
            }
        }
        return Lanes.sum(acc);
    }
}
