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
 * <p>Blocks are taken in pairs with one accumulator each, so two FMA chains run side by side; the
 * per-block work is a small static method that C2 inlines whole (vector operations written directly,
 * without helper nesting, so that no vector is ever boxed).
 */
final class Q8_0 extends VectorKernel {

    Q8_0(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int b = 0;
        for (; b + 1 < blocks; b += 2) {
            acc0 = block(data, offset + 34L * b, x, xOffset + 32 * b, acc0);
            acc1 = block(data, offset + 34L * (b + 1), x, xOffset + 32 * (b + 1), acc1);
        }
        if (b < blocks) {
            acc0 = block(data, offset + 34L * b, x, xOffset + 32 * b, acc0);
        }
        return Lanes.sum(acc0.add(acc1));
    }

    /** {@code acc} plus the products of the block at {@code block} with {@code x[xb..xb+32)}. */
    private static FloatVector block(MemorySegment data, long block, float[] x, int xb, FloatVector acc) {
        FloatVector sum = FloatVector.zero(F);
        for (int c = 0; c < 32; c += LANES) {
            FloatVector q = (FloatVector) ByteVector.fromMemorySegment(B, data, block + 2 + c, LE)
                    .convertShape(VectorOperators.B2F, F, 0);
            sum = q.fma(FloatVector.fromArray(F, x, xb + c), sum);
        }
        return sum.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block))), acc);
    }
}
