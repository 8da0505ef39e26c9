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
import static io.github.deepseek4j.quant.vector.Lanes.INT;
import static io.github.deepseek4j.quant.vector.Lanes.IOTA;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/**
 * Q5_1 (d, m, 32 fifth bits, nibble pairs): per block d * sum(q * x) + m * sum(x).
 *
 * <p>Blocks alternate between two accumulators, so that two FMA chains run side by side.
 */
final class Q5_1 extends VectorKernel {

    Q5_1(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            long block = offset + 24L * b;
            int xb = xOffset + 32 * b;
            IntVector qh = IntVector.broadcast(I, data.get(INT, block + 4));
            FloatVector sumQx = FloatVector.zero(F);
            FloatVector sumX = FloatVector.zero(F);
            for (int c = 0; c < 16; c += LANES) {
                IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, block + 8 + c, LE)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                IntVector highLow = qh.lanewise(VectorOperators.LSHR, IOTA.add(c)).and(1).lanewise(VectorOperators.LSHL, 4);
                IntVector highHigh = qh.lanewise(VectorOperators.LSHR, IOTA.add(16 + c)).and(1).lanewise(VectorOperators.LSHL, 4);
                FloatVector xLow = FloatVector.fromArray(F, x, xb + c);
                FloatVector xHigh = FloatVector.fromArray(F, x, xb + 16 + c);
                sumQx = ((FloatVector) q.and(0xF).or(highLow).convert(VectorOperators.I2F, 0)).fma(xLow, sumQx);
                sumQx = ((FloatVector) q.lanewise(VectorOperators.LSHR, 4).or(highHigh).convert(VectorOperators.I2F, 0)).fma(xHigh, sumQx);
                sumX = sumX.add(xLow).add(xHigh);
            }
            acc0 = sumQx.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block))), acc0);
            acc0 = sumX.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block + 2))), acc0);
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
