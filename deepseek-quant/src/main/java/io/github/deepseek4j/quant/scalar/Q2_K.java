package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q2_K, 256 values in 84 bytes: sixteen sub-blocks of 16 with 4-bit scales and mins.
 * <pre>
 *   [0..16)   scales[16]  low nibble: scale, high nibble: min of sub-block i
 *   [16..80)  qs[64]      per half of 128 values, 32 bytes: bits 2s..2s+1 of qs[l] hold value 32s+l
 *   [80..82)  d           fp16 super-block scale of the scales
 *   [82..84)  dmin        fp16 super-block scale of the mins
 *   sub-block i: x = (d * scale_i) * q - dmin * min_i
 * </pre>
 */
final class Q2_K extends BlockKernel {

    Q2_K() {
        super(GgmlType.Q2_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block + 80);
        float dmin = half(data, block + 82);
        int y = o;
        int is = 0;
        for (int half = 0; half < 2; half++) {
            long qs = block + 16 + 32L * half;
            for (int shift = 0; shift < 8; shift += 2) {
                for (int part = 0; part < 2; part++) {
                    int sc = ubyte(data, block + is++);
                    float dl = d * (sc & 0xF);
                    float ml = dmin * (sc >> 4);
                    for (int l = 0; l < 16; l++) {
                        out[y++] = dl * (ubyte(data, qs + 16 * part + l) >> shift & 3) - ml;
                    }
                }
            }
        }
    }
}
