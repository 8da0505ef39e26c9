package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.FLOAT;
import static io.github.deepseek4j.quant.vector.Lanes.LE;

/** F32 rows: four independent accumulators keep the FMA latency off the memory stream. */
final class F32 extends VectorKernel {

    F32(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        FloatVector acc2 = FloatVector.zero(F);
        FloatVector acc3 = FloatVector.zero(F);
        int i = 0;
        for (int bound = n - 4 * LANES; i <= bound; i += 4 * LANES) {
            acc0 = load(data, offset, i).fma(FloatVector.fromArray(F, x, xOffset + i), acc0);
            acc1 = load(data, offset, i + LANES).fma(FloatVector.fromArray(F, x, xOffset + i + LANES), acc1);
            acc2 = load(data, offset, i + 2 * LANES).fma(FloatVector.fromArray(F, x, xOffset + i + 2 * LANES), acc2);
            acc3 = load(data, offset, i + 3 * LANES).fma(FloatVector.fromArray(F, x, xOffset + i + 3 * LANES), acc3);
        }
        for (int bound = n - LANES; i <= bound; i += LANES) {
            acc0 = load(data, offset, i).fma(FloatVector.fromArray(F, x, xOffset + i), acc0);
        }
        float sum = Lanes.sum(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) {
            sum += data.get(FLOAT, offset + 4L * i) * x[xOffset + i];
        }
        return sum;
    }

    private static FloatVector load(MemorySegment data, long offset, int i) {
        return FloatVector.fromMemorySegment(F, data, offset + 4L * i, LE);
    }
}
