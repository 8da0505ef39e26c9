package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q3_K, 256 values in 110 bytes: sixteen sub-blocks of 16 with 6-bit signed scales.
 * <pre>
 *   [0..32)    hmask[32]   bit k of hmask[l] is the (inverted) third bit of value 32k+l: clear means subtract 4
 *   [32..96)   qs[64]      per half of 128 values, 32 bytes: bits 2s..2s+1 of qs[l] hold the low 2 bits of value 32s+l
 *   [96..108)  scales[12]  sixteen 6-bit scales: low nibbles in bytes 0-7, top 2 bits in bytes 8-11 (see {@link PackedScales})
 *   [108..110) d           fp16 super-block scale
 *   sub-block i: x = (d * (scale_i - 32)) * (q - (hbit ? 0 : 4))
 * </pre>
 */
final class Q3_K extends BlockKernel {

    Q3_K() {
        super(GgmlType.Q3_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block + 108);
        int w0 = data.get(INT, block + 96);
        int w1 = data.get(INT, block + 100);
        int w2 = data.get(INT, block + 104);
        int y = o;
        int is = 0;
        int mask = 1;
        for (int half = 0; half < 2; half++) {
            long qs = block + 32 + 32L * half;
            for (int shift = 0; shift < 8; shift += 2) {
                for (int part = 0; part < 2; part++) {
                    float dl = d * (PackedScales.q3Scale(w0, w1, w2, is++) - 32);
                    for (int l = 16 * part; l < 16 * part + 16; l++) {
                        int low = ubyte(data, qs + l) >> shift & 3;
                        int minus = (ubyte(data, block + l) & mask) != 0 ? 0 : 4;
                        out[y++] = dl * (low - minus);
                    }
                }
                mask <<= 1;
            }
        }
    }
}
