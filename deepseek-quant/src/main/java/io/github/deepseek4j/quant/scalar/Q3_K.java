package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
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
final class Q3_K extends QuantizingBlockKernel {

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

    /** ggml's {@code quantize_row_q3_K_ref}. */
    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        int[] levels = new int[256];
        float[] scales = new float[16];
        float maxScale = 0;
        float amax = 0;
        for (int j = 0; j < 16; j++) {
            scales[j] = ScaleSearch.symmetricRefined(16, 4, x, xo + 16 * j, levels, 16 * j);
            if (Math.abs(scales[j]) > amax) {
                amax = Math.abs(scales[j]);
                maxScale = scales[j];
            }
        }
        byte[] packed = new byte[12];
        short d = 0;
        if (maxScale != 0) {
            float iscale = -32f / maxScale;
            for (int j = 0; j < 16; j++) {
                int l = Math.max(-32, Math.min(31, (byte) ScaleSearch.nearestInt(iscale * scales[j]))) + 32;
                packed[j % 8] |= (byte) ((l & 0xF) << 4 * (j / 8));
                packed[8 + j % 4] |= (byte) ((l >> 4) << 2 * (j / 4));
            }
            d = Float.floatToFloat16(1 / iscale);
        }
        out.set(SHORT, block + 108, d);
        MemorySegment.copy(packed, 0, out, ValueLayout.JAVA_BYTE, block + 96, 12);
        int w0 = out.get(INT, block + 96);
        int w1 = out.get(INT, block + 100);
        int w2 = out.get(INT, block + 104);
        for (int j = 0; j < 16; j++) {
            float step = Float.float16ToFloat(d) * (PackedScales.q3Scale(w0, w1, w2, j) - 32);
            if (step == 0) {
                continue;
            }
            for (int i = 16 * j; i < 16 * j + 16; i++) {
                levels[i] = Math.max(-4, Math.min(3, ScaleSearch.nearestInt(x[xo + i] / step))) + 4;
            }
        }
        pack(levels, out, block);
    }

    /** High bits to hmask (bit k of byte m for value 32k+m), low two bits to qs. */
    private static void pack(int[] levels, MemorySegment out, long block) {
        byte[] hmask = new byte[32];
        for (int j = 0; j < 256; j++) {
            if (levels[j] > 3) {
                hmask[j % 32] |= (byte) (1 << j / 32);
                levels[j] -= 4;
            }
        }
        MemorySegment.copy(hmask, 0, out, ValueLayout.JAVA_BYTE, block, 32);
        packTwoBits(levels, out, block + 32);
    }
}
