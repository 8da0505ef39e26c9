package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q4_0, 32 values in 18 bytes:
 * <pre>
 *   [0..2)   d       fp16 scale
 *   [2..18)  qs[16]  low nibble of qs[j] is value j, high nibble value j+16;  x = (q - 8) * d
 * </pre>
 */
final class Q4_0 extends QuantizingBlockKernel {

    Q4_0() {
        super(GgmlType.Q4_0);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        for (int j = 0; j < 16; j++) {
            int q = ubyte(data, block + 2 + j);
            out[o + j] = ((q & 0xF) - 8) * d;
            out[o + j + 16] = ((q >> 4) - 8) * d;
        }
    }

    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        float d = signedAbsMax(x, xo, 32) / -8;
        float id = inverse(d);
        out.set(SHORT, block, Float.floatToFloat16(d));
        for (int j = 0; j < 16; j++) {
            int low = Math.min(15, (int) (x[xo + j] * id + 8.5f));
            int high = Math.min(15, (int) (x[xo + 16 + j] * id + 8.5f));
            out.set(ValueLayout.JAVA_BYTE, block + 2 + j, (byte) (low | high << 4));
        }
    }
}
