package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/** BF16 rows, widened to float in registers. */
final class BF16 extends VectorKernel {

    BF16(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int i = 0;
        for (int bound = n - 2 * LANES; i <= bound; i += 2 * LANES) {
            acc0 = Lanes.bf16ToFloat(Lanes.shorts(data, offset + 2L * (i))).fma(FloatVector.fromArray(F, x, xOffset + i), acc0);
            acc1 = Lanes.bf16ToFloat(Lanes.shorts(data, offset + 2L * (i + LANES))).fma(FloatVector.fromArray(F, x, xOffset + i + LANES), acc1);
        }
        for (int bound = n - LANES; i <= bound; i += LANES) {
            acc0 = Lanes.bf16ToFloat(Lanes.shorts(data, offset + 2L * (i))).fma(FloatVector.fromArray(F, x, xOffset + i), acc0);
        }
        float sum = Lanes.sum(acc0.add(acc1));
        for (; i < n; i++) {
            sum += Float.intBitsToFloat(data.get(SHORT, offset + 2L * i) << 16) * x[xOffset + i];
        }
        return sum;
    }
}
