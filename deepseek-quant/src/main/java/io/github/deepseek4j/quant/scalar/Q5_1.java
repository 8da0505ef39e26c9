package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
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
final class Q5_1 extends BlockKernel {

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
}
