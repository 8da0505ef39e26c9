package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q5_1, 32 values in 24 bytes:
 * <pre>
 *   [0..2)   d       fp16 scale
 *   [2..4)   m       fp16 minimum
 *   [4..8)   qh      uint32, bit j is the fifth bit of value j
 *   [8..24)  qs[16]  low nibble of qs[j] is value j, high nibble value j+16;  x = q * d + m
 * </pre>
 */
final class Q5_1 extends QuantizingBlockKernel {

    Q5_1() {
        super(GgmlType.Q5_1);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        float m = half(data, block + 2);
        int qh = data.get(INT, block + 4);
        for (int j = 0; j < 16; j++) {
            int q = ubyte(data, block + 8 + j);
            int lo = (q & 0xF) | ((qh >>> j) << 4 & 0x10);
            int hi = (q >> 4) | ((qh >>> (j + 12)) & 0x10);
            out[o + j] = lo * d + m;
            out[o + j + 16] = hi * d + m;
        }
    }

    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        float min = min(x, xo, 32);
        float d = (max(x, xo, 32) - min) / 31;
        float id = inverse(d);
        out.set(SHORT, block, Float.floatToFloat16(d));
        out.set(SHORT, block + 2, Float.floatToFloat16(min));
        int qh = 0;
        for (int j = 0; j < 16; j++) {
            int low = (int) ((x[xo + j] - min) * id + 0.5f);
            int high = (int) ((x[xo + 16 + j] - min) * id + 0.5f);
            out.set(ValueLayout.JAVA_BYTE, block + 8 + j, (byte) ((low & 0xF) | (high & 0xF) << 4));
            qh |= (low >> 4 & 1) << j | (high >> 4 & 1) << (j + 16);
        }
        out.set(INT, block + 4, qh);
    }
}
