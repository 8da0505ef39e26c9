package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q4_1, 32 values in 20 bytes:
 * <pre>
 *   [0..2)   d       fp16 scale
 *   [2..4)   m       fp16 minimum
 *   [4..20)  qs[16]  low nibble of qs[j] is value j, high nibble value j+16;  x = q * d + m
 * </pre>
 */
final class Q4_1 extends QuantizingBlockKernel {

    Q4_1() {
        super(GgmlType.Q4_1);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        float m = half(data, block + 2);
        for (int j = 0; j < 16; j++) {
            int q = ubyte(data, block + 4 + j);
            out[o + j] = (q & 0xF) * d + m;
            out[o + j + 16] = (q >> 4) * d + m;
        }
    }

    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        float min = min(x, xo, 32);
        float d = (max(x, xo, 32) - min) / 15;
        float id = inverse(d);
        out.set(SHORT, block, Float.floatToFloat16(d));
        out.set(SHORT, block + 2, Float.floatToFloat16(min));
        for (int j = 0; j < 16; j++) {
            int low = Math.min(15, (int) ((x[xo + j] - min) * id + 0.5f));
            int high = Math.min(15, (int) ((x[xo + 16 + j] - min) * id + 0.5f));
            out.set(ValueLayout.JAVA_BYTE, block + 4 + j, (byte) (low | high << 4));
        }
    }
}
