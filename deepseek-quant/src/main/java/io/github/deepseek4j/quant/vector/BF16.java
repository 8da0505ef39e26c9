package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.RowKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.vector.Lanes.F;
import static io.github.deepseek4j.quant.vector.Lanes.I;
import static io.github.deepseek4j.quant.vector.Lanes.LANES;
import static io.github.deepseek4j.quant.vector.Lanes.LE;
import static io.github.deepseek4j.quant.vector.Lanes.S;
import static io.github.deepseek4j.quant.vector.Lanes.SHORT;

/** BF16 rows, widened to float in registers: a BF16 value is the upper half of the float. */
final class BF16 extends VectorKernel {

    BF16(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int i = 0;
        for (int bound = n - LANES; i <= bound; i += LANES) {
            FloatVector w = ((IntVector) ShortVector.fromMemorySegment(S, data, offset + 2L * i, LE)
                    .convertShape(VectorOperators.S2I, I, 0))
                    .lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
            acc0 = w.fma(FloatVector.fromArray(F, x, xOffset + i), acc0);
            FloatVector next = acc1; // alternate, so that two FMA chains run side by side
            acc1 = acc0;
            acc0 = next;
        }
        FloatVector total = acc0.add(acc1);
        float sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += total.lane(lane);
        }
        for (; i < n; i++) {
            sum += Float.intBitsToFloat(data.get(SHORT, offset + 2L * i) << 16) * x[xOffset + i];
        }
        return sum;
    }
}
