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

/**
 * F16 rows, widened to float in registers exactly like {@link Float#float16ToFloat}: the magnitude
 * moved into float position and rescaled by 2^112 (exact, and it normalizes subnormals), infinities
 * and NaNs given the float exponent, the sign put back.
 */
final class F16 extends VectorKernel {

    F16(RowKernel scalar) {
        super(scalar);
    }

    @Override
    float dotBlocks(MemorySegment data, long offset, float[] x, int xOffset, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int i = 0;
        for (int bound = n - LANES; i <= bound; i += LANES) {
            IntVector halves = (IntVector) ShortVector.fromMemorySegment(S, data, offset + 2L * i, LE)
                    .convertShape(VectorOperators.S2I, I, 0);
            IntVector magnitude = halves.and(0x7FFF);
            FloatVector scaled = magnitude.lanewise(VectorOperators.LSHL, 13).reinterpretAsFloats().mul(0x1p112f);
            // all ones where the magnitude is 0x7C00 or more (exponent 31), computed without masks
            IntVector special = magnitude.add(0x400).lanewise(VectorOperators.LSHR, 15).neg();
            FloatVector w = scaled.reinterpretAsInts()
                    .or(special.and(0x7F800000))
                    .or(halves.and(0x8000).lanewise(VectorOperators.LSHL, 16))
                    .reinterpretAsFloats();
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
            sum += Float.float16ToFloat(data.get(SHORT, offset + 2L * i)) * x[xOffset + i];
        }
        return sum;
    }
}
