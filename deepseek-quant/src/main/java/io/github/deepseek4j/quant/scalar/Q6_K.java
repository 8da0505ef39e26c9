package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
import static io.github.deepseek4j.quant.scalar.LittleEndian.half;
import static io.github.deepseek4j.quant.scalar.LittleEndian.sbyte;
import static io.github.deepseek4j.quant.scalar.LittleEndian.ubyte;

/**
 * Q6_K, 256 values in 210 bytes: sixteen sub-blocks of 16 with int8 scales.
 * <pre>
 *   [0..128)    ql[128]     low 4 bits; per half of 128 values: ql[l] low/high nibble are values l / l+64,
 *                           ql[l+32] low/high nibble are values l+32 / l+96
 *   [128..192)  qh[64]      high 2 bits; per half: bits 0-1, 2-3, 4-5, 6-7 of qh[l] go to values l, l+32, l+64, l+96
 *   [192..208)  scales[16]  int8 scale of each sub-block of 16
 *   [208..210)  d           fp16 super-block scale
 *   x = d * scale * (q - 32)
 * </pre>
 */
final class Q6_K extends QuantizingBlockKernel {

    Q6_K() {
        super(GgmlType.Q6_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int o) {
        float d = half(data, block + 208);
        for (int half = 0; half < 2; half++) {
            long ql = block + 64L * half;
            long qh = block + 128 + 32L * half;
            long sc = block + 192 + 8L * half;
            int y = o + 128 * half;
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int low = ubyte(data, ql + l);
                int low32 = ubyte(data, ql + l + 32);
                int high = ubyte(data, qh + l);
                int q1 = ((low & 0xF) | (high & 3) << 4) - 32;
                int q2 = ((low32 & 0xF) | (high >> 2 & 3) << 4) - 32;
                int q3 = ((low >> 4) | (high >> 4 & 3) << 4) - 32;
                int q4 = ((low32 >> 4) | (high >> 6 & 3) << 4) - 32;
                out[y + l] = d * sbyte(data, sc + is) * q1;
                out[y + l + 32] = d * sbyte(data, sc + is + 2) * q2;
                out[y + l + 64] = d * sbyte(data, sc + is + 4) * q3;
                out[y + l + 96] = d * sbyte(data, sc + is + 6) * q4;
            }
        }
    }

    /** ggml's {@code quantize_row_q6_K_ref}: a scale per 16 values, then one int8 step of the largest. */
    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        int[] levels = new int[256];
        float[] scales = new float[16];
        float maxScale = 0;
        float maxAbsScale = 0;
        for (int ib = 0; ib < 16; ib++) {
            scales[ib] = ScaleSearch.symmetric(16, 32, x, xo + 16 * ib, levels, 16 * ib);
            if (Math.abs(scales[ib]) > maxAbsScale) {
                maxAbsScale = Math.abs(scales[ib]);
                maxScale = scales[ib];
            }
        }
        if (maxAbsScale < ScaleSearch.GROUP_MAX_EPS) {
            out.asSlice(block, 210).fill((byte) 0);
            return;
        }
        float iscale = -128f / maxScale;
        short d = Float.floatToFloat16(1 / iscale);
        out.set(SHORT, block + 208, d);
        for (int ib = 0; ib < 16; ib++) {
            int scale = Math.min(127, ScaleSearch.nearestInt(iscale * scales[ib]));
            out.set(ValueLayout.JAVA_BYTE, block + 192 + ib, (byte) scale);
            float step = Float.float16ToFloat(d) * (byte) scale;
            if (step == 0) {
                continue;
            }
            for (int i = 16 * ib; i < 16 * ib + 16; i++) {
                levels[i] = Math.max(-32, Math.min(31, ScaleSearch.nearestInt(x[xo + i] / step))) + 32;
            }
        }
        pack(levels, out, block);
    }

    private static void pack(int[] levels, MemorySegment out, long block) {
        for (int half = 0; half < 2; half++) {
            long ql = block + 64L * half;
            long qh = block + 128 + 32L * half;
            int j = 128 * half;
            for (int l = 0; l < 32; l++) {
                int q1 = levels[j + l];
                int q2 = levels[j + l + 32];
                int q3 = levels[j + l + 64];
                int q4 = levels[j + l + 96];
                out.set(ValueLayout.JAVA_BYTE, ql + l, (byte) ((q1 & 0xF) | (q3 & 0xF) << 4));
                out.set(ValueLayout.JAVA_BYTE, ql + l + 32, (byte) ((q2 & 0xF) | (q4 & 0xF) << 4));
                out.set(ValueLayout.JAVA_BYTE, qh + l, (byte) (q1 >> 4 | (q2 >> 4) << 2 | (q3 >> 4) << 4 | (q4 >> 4) << 6));
            }
        }
    }
}
