package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q4_K, 256 values in 144 bytes: eight sub-blocks of 32 with 6-bit scales and mins.
 * <pre>
 *   [0..2)     d           fp16 super-block scale of the scales
 *   [2..4)     dmin        fp16 super-block scale of the mins
 *   [4..16)    scales[12]  eight 6-bit (scale, min) pairs, see {@link PackedScales}
 *   [16..144)  qs[128]     32 bytes per pair of sub-blocks: low nibbles are sub-block 2k, high nibbles 2k+1
 *   sub-block i: x = (d * scale_i) * q - dmin * min_i
 * </pre>
 */
final class Q4_K extends QuantizingBlockKernel {

    Q4_K() {
        super(GgmlType.Q4_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        float dmin = half(data, block + 2);
        int w0 = data.get(INT, block + 4);
        int w1 = data.get(INT, block + 8);
        int w2 = data.get(INT, block + 12);
        for (int k = 0; k < 4; k++) {
            int is = 2 * k;
            float d1 = d * PackedScales.scale(w0, w1, w2, is);
            float m1 = dmin * PackedScales.min(w0, w1, w2, is);
            float d2 = d * PackedScales.scale(w0, w1, w2, is + 1);
            float m2 = dmin * PackedScales.min(w0, w1, w2, is + 1);
            long qs = block + 16 + 32L * k;
            int y = o + 64 * k;
            for (int l = 0; l < 32; l++) {
                int q = ubyte(data, qs + l);
                out[y + l] = d1 * (q & 0xF) - m1;
                out[y + l + 32] = d2 * (q >> 4) - m2;
            }
        }
    }

    /** ggml's {@code quantize_row_q4_K_ref}. */
    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        int[] levels = new int[256];
        ScaleSearch.scalesAndMins(x, xo, 15, -1f, 20, out, block, levels);
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 32; l++) {
                out.set(ValueLayout.JAVA_BYTE, block + 16 + 32L * k + l,
                        (byte) (levels[64 * k + l] | levels[64 * k + l + 32] << 4));
            }
        }
    }
}
