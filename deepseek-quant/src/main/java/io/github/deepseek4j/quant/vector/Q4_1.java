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
 * Q4_1 (d, m, then 16 bytes of nibble pairs): per block d * sum(q * x) + m * sum(x).
 *
 * <p>Blocks are taken in pairs with one accumulator each, so two FMA chains run side by side; the
 * per-block work is a small static method that C2 inlines whole (vector operations written directly,
 * without helper nesting, so that no vector is ever boxed).
 */
final class Q4_1 extends VectorKernel {

    Q4_1(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int b = 0;
        for (; b + 1 < blocks; b += 2) {
            acc0 = block(data, offset + 20L * b, x, xOffset + 32 * b, acc0);
            acc1 = block(data, offset + 20L * (b + 1), x, xOffset + 32 * (b + 1), acc1);
        }
        if (b < blocks) {
            acc0 = block(data, offset + 20L * b, x, xOffset + 32 * b, acc0);
        }
        return Lanes.sum(acc0.add(acc1));
    }

    /** {@code acc} plus the products of the block at {@code block} with {@code x[xb..xb+32)}. */
    private static FloatVector block(MemorySegment data, long block, float[] x, int xb, FloatVector acc) {
        FloatVector sumQx = FloatVector.zero(F);
        FloatVector sumX = FloatVector.zero(F);
        for (int c = 0; c < 16; c += LANES) {
            IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, block + 4 + c, LE)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
            FloatVector xLow = FloatVector.fromArray(F, x, xb + c);
            FloatVector xHigh = FloatVector.fromArray(F, x, xb + 16 + c);
            sumQx = ((FloatVector) q.and(0xF).convert(VectorOperators.I2F, 0)).fma(xLow, sumQx);
            sumQx = ((FloatVector) q.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0)).fma(xHigh, sumQx);
            sumX = sumX.add(xLow).add(xHigh);
        }
        acc = sumQx.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block))), acc);
        return sumX.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block + 2))), acc);
    }
}
