package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.github.deepseek4j.quant.scalar.LittleEndian.SHORT;
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
final class Q2_K extends QuantizingBlockKernel {

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

    /** ggml's {@code quantize_row_q2_K_ref}: per 16 values an |x|-weighted scale and min, each stored in 4 bits. */
    @Override
    void quantizeBlock(float[] x, int xo, MemorySegment out, long block) {
        int[] levels = new int[256];
        float[] scales = new float[16];
        float[] mins = new float[16];
        float[] weights = new float[16];
        float maxScale = 0;
        float maxMin = 0;
        for (int j = 0; j < 16; j++) {
            for (int l = 0; l < 16; l++) {
                weights[l] = Math.abs(x[xo + 16 * j + l]);
            }
            scales[j] = ScaleSearch.asymmetric(16, 3, x, xo + 16 * j, weights, levels, 16 * j, mins, j, -0.5f, 15, true);
            maxScale = Math.max(maxScale, scales[j]);
            maxMin = Math.max(maxMin, mins[j]);
        }
        int[] packed = new int[16];
        short d = 0;
        short dmin = 0;
        if (maxScale > 0) {
            float iscale = 15f / maxScale;
            for (int j = 0; j < 16; j++) {
                packed[j] = ScaleSearch.nearestInt(iscale * scales[j]);
            }
            d = Float.floatToFloat16(maxScale / 15f);
        }
        if (maxMin > 0) {
            float iscale = 15f / maxMin;
            for (int j = 0; j < 16; j++) {
                packed[j] |= ScaleSearch.nearestInt(iscale * mins[j]) << 4;
            }
            dmin = Float.floatToFloat16(maxMin / 15f);
        }
        out.set(SHORT, block + 80, d);
        out.set(SHORT, block + 82, dmin);
        for (int j = 0; j < 16; j++) {
            int sc = packed[j] & 0xFF;
            out.set(ValueLayout.JAVA_BYTE, block + j, (byte) sc);
            float step = Float.float16ToFloat(d) * (sc & 0xF);
            if (step == 0) {
                continue;
            }
            float offset = Float.float16ToFloat(dmin) * (sc >> 4);
            for (int i = 16 * j; i < 16 * j + 16; i++) {
                levels[i] = Math.max(0, Math.min(3, ScaleSearch.nearestInt((x[xo + i] + offset) / step)));
            }
        }
        packTwoBits(levels, out, block + 16);
    }
}
