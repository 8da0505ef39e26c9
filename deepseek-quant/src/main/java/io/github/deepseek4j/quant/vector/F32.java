package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.FLOAT;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
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
        for (int bound = n - LANES; i <= bound; i += LANES) {
            acc0 = FloatVector.fromMemorySegment(F, data, offset + 4L * i, LE)
                    .fma(FloatVector.fromArray(F, x, xOffset + i), acc0);
            // rotate, so that four FMA chains run side by side
            FloatVector next = acc1;
            acc1 = acc2;
            acc2 = acc3;
            acc3 = acc0;
            acc0 = next;
        }
        FloatVector total = acc0.add(acc1).add(acc2.add(acc3));
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += total.lane(lane);
        }
        for (; i < n; i++) {
            sum += data.get(FLOAT, offset + 4L * i) * x[xOffset + i];
        }
        return sum;
    }
}
