package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.INT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q5_K, 256 values in 176 bytes: Q4_K plus a fifth bit per value.
 * <pre>
 *   [0..2)     d           fp16 super-block scale of the scales
 *   [2..4)     dmin        fp16 super-block scale of the mins
 *   [4..16)    scales[12]  eight 6-bit (scale, min) pairs, see {@link PackedScales}
 *   [16..48)   qh[32]      bit i of qh[l] is the fifth bit of value l of sub-block i
 *   [48..176)  qs[128]     32 bytes per pair of sub-blocks: low nibbles are sub-block 2k, high nibbles 2k+1
 *   sub-block i: x = (d * scale_i) * q - dmin * min_i
 * </pre>
 */
final class Q5_K extends QuantizingBlockKernel {

    Q5_K() {
        super(GgmlType.Q5_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block);
        float dmin = half(data, block + 2);
        int w0 = data.get(INT, block + 4);
        int w1 = data.get(INT, block + 8);
        int w2 = data.get(INT, block + 12);
        long qh = block + 16;
        for (int k = 0; k < 4; k++) {
            int is = 2 * k;
            float d1 = d * PackedScales.scale(w0, w1, w2, is);
            float m1 = dmin * PackedScales.min(w0, w1, w2, is);
            float d2 = d * PackedScales.scale(w0, w1, w2, is + 1);
            float m2 = dmin * PackedScales.min(w0, w1, w2, is + 1);
            long qs = block + 48 + 32L * k;
            int y = o + 64 * k;
            for (int l = 0; l < 32; l++) {
                int q = ubyte(data, qs + l);
                int high = ubyte(data, qh + l) >> is;
                out[y + l] = d1 * ((q & 0xF) | (high & 1) << 4) - m1;
                out[y + l + 32] = d2 * ((q >> 4) | (high & 2) << 3) - m2;
            }
        }
    }

    /** ggml's {@code quantize_row_q5_K_ref}. */
    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        int[] levels = new int[256];
        ScaleSearch.scalesAndMins(x, xo, 31, -0.5f, 15, out, block, levels);
        byte[] qh = new byte[32];
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 32; l++) {
                int low = levels[64 * k + l];
                int high = levels[64 * k + l + 32];
                qh[l] |= (byte) ((low >> 4) << 2 * k | (high >> 4) << 2 * k + 1);
                out.set(ValueLayout.JAVA_BYTE, block + 48 + 32L * k + l, (byte) ((low & 0xF) | (high & 0xF) << 4));
            }
        }
        MemorySegment.copy(qh, 0, out, ValueLayout.JAVA_BYTE, block + 16, 32);
    }
}
