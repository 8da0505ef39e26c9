package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.vector.Lanes.B;
import static io.github.deepseek4j.quant.vector.Lanes.CODEBOOK_HIGH;
import static io.github.deepseek4j.quant.vector.Lanes.CODEBOOK_LOW;
import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.I;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
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
                    IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, qs + c, LE)
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
                acc = sum.fma(FloatVector.broadcast(F, d * (scale - 32)), acc);
            }
        }
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += acc.lane(lane);
        }
        return sum;
    }
}
