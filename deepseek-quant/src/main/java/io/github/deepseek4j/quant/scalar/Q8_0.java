package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.sbyte;

/**
 * Q8_0, 32 values in 34 bytes:
 * <pre>
 *   [0..2)   d       fp16 scale
 *   [2..34)  qs[32]  int8 quants;  x[i] = qs[i] * d
 * </pre>
 */
final class Q8_0 extends QuantizingBlockKernel {

    Q8_0() {
        super(GgmlType.Q8_0);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        for (int i = 0; i < 32; i++) {
            out[o + i] = sbyte(data, block + 2 + i) * d;
        }
    }

    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        float amax = 0;
        for (int i = 0; i < 32; i++) {
            amax = Math.max(amax, Math.abs(x[xo + i]));
        }
        float d = amax / 127;
        float id = inverse(d);
        out.set(SHORT, block, Float.floatToFloat16(d));
        for (int i = 0; i < 32; i++) {
            out.set(ValueLayout.JAVA_BYTE, block + 2 + i, (byte) roundAway(x[xo + i] * id));
        }
    }
}
