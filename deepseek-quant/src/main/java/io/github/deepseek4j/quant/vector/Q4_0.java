package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.B;
import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.I;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/**
 * Q4_0 (d, then 16 bytes of nibble pairs): low nibbles are values 0-15, high nibbles 16-31, both offset by 8.
 *
 * <p>Blocks alternate between two accumulators, so that two FMA chains run side by side.
 */
final class Q4_0 extends VectorKernel {

    Q4_0(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 18L * b;
            int xb = xOffset + 32 * b;
            FloatVector sum = FloatVector.zero(F);
            for (int c = 0; c < 16; c += LANES) {
                IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, block + 2 + c, LE)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                sum = ((FloatVector) q.and(0xF).sub(8).convert(VectorOperators.I2F, 0))
                        .fma(FloatVector.fromArray(F, x, xb + c), sum);
                sum = ((FloatVector) q.lanewise(VectorOperators.LSHR, 4).sub(8).convert(VectorOperators.I2F, 0))
                        .fma(FloatVector.fromArray(F, x, xb + 16 + c), sum);
            }
            acc0 = sum.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block))), acc0);
            FloatVector next = acc1; // alternate, so that two FMA chains run side by side
            acc1 = acc0;
            acc0 = next;
        }
        FloatVector total = acc0.add(acc1);
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += total.lane(lane);
        }
        return sum;
    }
}
