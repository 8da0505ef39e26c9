package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/** IQ4_NL (d, then 16 bytes of codebook index pairs): Q4_0's layout, levels looked up in registers. */
final class IQ4_NL extends VectorKernel {

    IQ4_NL(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 18L * b;
            int xb = xOffset + 32 * b;
            FloatVector sum = FloatVector.zero(F);
            for (int c = 0; c < 16; c += LANES) {
                IntVector q = Lanes.ubytes(data, block + 2 + c);
                sum = Lanes.iq4Levels(q.and(0xF)).fma(FloatVector.fromArray(F, x, xb + c), sum);
                sum = Lanes.iq4Levels(q.lanewise(VectorOperators.LSHR, 4)).fma(FloatVector.fromArray(F, x, xb + 16 + c), sum);
            }
            acc = sum.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block))), acc);
        }
        return Lanes.sum(acc);
    }
}
