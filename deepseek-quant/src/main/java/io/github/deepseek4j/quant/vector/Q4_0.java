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
 * <p>Blocks are taken in pairs with one accumulator each, so two FMA chains run side by side; the
 * per-block work is a small static method that C2 inlines whole (vector operations written directly,
 * without helper nesting, so that no vector is ever boxed).
 */
final class Q4_0 extends VectorKernel {

    Q4_0(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int blocks) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int b = 0;
        for (; b + 1 < blocks; b += 2) {
            acc0 = block(data, offset + 18L * b, x, xOffset + 32 * b, acc0);
            acc1 = block(data, offset + 18L * (b + 1), x, xOffset + 32 * (b + 1), acc1);
        }
        if (b < blocks) {
            acc0 = block(data, offset + 18L * b, x, xOffset + 32 * b, acc0);
        }
        return Lanes.sum(acc0.add(acc1));
    }

    /** {@code acc} plus the products of the block at {@code block} with {@code x[xb..xb+32)}. */
    private static FloatVector block(MemorySegment data, long block, float[] x, int xb, FloatVector acc) {
        FloatVector sum = FloatVector.zero(F);
        for (int c = 0; c < 16; c += LANES) {
            IntVector q = (IntVector) ByteVector.fromMemorySegment(B, data, block + 2 + c, LE)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
            sum = ((FloatVector) q.and(0xF).sub(8).convert(VectorOperators.I2F, 0))
                    .fma(FloatVector.fromArray(F, x, xb + c), sum);
            sum = ((FloatVector) q.lanewise(VectorOperators.LSHR, 4).sub(8).convert(VectorOperators.I2F, 0))
                    .fma(FloatVector.fromArray(F, x, xb + 16 + c), sum);
        }
        return sum.fma(FloatVector.broadcast(F, Float.float16ToFloat(data.get(SHORT, block))), acc);
    }
}
