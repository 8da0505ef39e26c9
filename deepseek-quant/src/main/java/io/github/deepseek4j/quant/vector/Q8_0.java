package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.B;
import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/**
 * Q8_0 (d, then 32 int8): per block, sum q * x, then scale once by d.
 *
 * <p>Blocks alternate between two accumulators, so that two FMA chains run side by side.
 */
final class Q8_0 extends VectorKernel {

    Q8_0(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 34L * b;
            int xb = xOffset + 32 * b;
            FloatVector sum = FloatVector.zero(F);
            for (int c = 0; c < 32; c += LANES) {
                FloatVector q = (FloatVector) ByteVector.fromMemorySegment(B, data, block + 2 + c, LE)
                        .convertShape(VectorOperators.B2F, F, 0);
                sum = q.fma(FloatVector.fromArray(F, x, xb + c), sum);
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
