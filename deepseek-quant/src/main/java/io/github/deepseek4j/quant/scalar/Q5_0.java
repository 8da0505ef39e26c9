package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
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
final class Q5_0 extends BlockKernel {

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
}
