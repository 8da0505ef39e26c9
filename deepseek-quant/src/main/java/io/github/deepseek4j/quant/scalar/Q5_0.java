package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q5_0, 32 values in 22 bytes:
 * <pre>
 *   [0..2)   d       fp16 scale
 *   [2..6)   qh      uint32, bit j is the fifth bit of value j
 *   [6..22)  qs[16]  low nibble of qs[j] is value j, high nibble value j+16;  x = (q - 16) * d
 * </pre>
 */
final class Q5_0 extends QuantizingBlockKernel {

    Q5_0() {
        super(GgmlType.Q5_0);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        int qh = data.get(INT, block + 2);
        for (int j = 0; j < 16; j++) {
            int q = ubyte(data, block + 6 + j);
            int lo = (q & 0xF) | ((qh >>> j) << 4 & 0x10);
            int hi = (q >> 4) | ((qh >>> (j + 12)) & 0x10);
            out[o + j] = (lo - 16) * d;
            out[o + j + 16] = (hi - 16) * d;
        }
    }

    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        float d = signedAbsMax(x, xo, 32) / -16;
        float id = inverse(d);
        out.set(SHORT, block, Float.floatToFloat16(d));
        int qh = 0;
        for (int j = 0; j < 16; j++) {
            int low = Math.min(31, (int) (x[xo + j] * id + 16.5f));
            int high = Math.min(31, (int) (x[xo + 16 + j] * id + 16.5f));
            out.set(ValueLayout.JAVA_BYTE, block + 6 + j, (byte) ((low & 0xF) | (high & 0xF) << 4));
            qh |= (low >> 4 & 1) << j | (high >> 4 & 1) << (j + 16);
        }
        out.set(INT, block + 2, qh);
    }
}
