package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.B;
import static io.github.deepseek4j.quant.vector.Lanes.CODEBOOK_HIGH;
import static io.github.deepseek4j.quant.vector.Lanes.CODEBOOK_LOW;
import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.I;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
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
                IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, block + 2 + c, LE)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                for (int nibble = 0; nibble < 2; nibble++) { // low nibbles are values 0-15, high ones 16-31
                    IntVector index = q.lanewise(VectorOperators.LSHR, 4 * nibble).and(0xF);
                    IntVector level = index.and(LANES - 1).selectFrom(CODEBOOK_LOW);
                    if (LANES < 16) {
                        level = level.blend(index.and(LANES - 1).selectFrom(CODEBOOK_HIGH), index.compare(VectorOperators.GE, LANES));
                    }
                    sum = ((FloatVector) level.convert(VectorOperators.I2F, 0))
                            .fma(FloatVector.fromArray(F, x, xb + 16 * nibble + c), sum);
                }
            }
            acc = sum.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block))), acc);
        }
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += acc.lane(lane);
        }
        return sum;
    }
}
