package io.github.deepseek4j.quant.scalar;

import java.lang.foreign.MemorySegment;

/**
 * The scale searches of ggml's k-quants (no importance matrix), in float arithmetic as ggml does
 * them so that the chosen scales, and therefore the bytes, are the same.
 */
final class ScaleSearch {

    /** Below this a group of values counts as all zero. */
    static final float GROUP_MAX_EPS = 1e-15f;

    private ScaleSearch() {
    }

    /** ggml's {@code nearest_int}: round half to even (its magic-number trick, for |v| < 2^22). */
    static int nearestInt(float v) {
        return (int) Math.rint(v);
    }

    /**
     * ggml's {@code make_qx_quants} with weights x² ({@code rmse_type} 1): a symmetric scale for
     * {@code n} values quantized to [-nmax, nmax), refined over 18 nearby trial scales by weighted
     * least squares. Writes the levels ({@code l + nmax}) to {@code levels[lo..lo+n)} and returns the scale.
     */
    static float symmetric(int n, int nmax, float[] x, int xo, int[] levels, int lo) {
        float max = QuantizingBlockKernel.signedAbsMax(x, xo, n);
        if (Math.abs(max) < GROUP_MAX_EPS) {
            java.util.Arrays.fill(levels, lo, lo + n, 0);
            return 0f;
        }
        float iscale = -nmax / max;
        float sumlx = 0;
        float suml2 = 0;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            int l = clamp(nearestInt(iscale * v), nmax);
            levels[lo + i] = l + nmax;
            float w = v * v;
            sumlx += w * v * l;
            suml2 += w * l * l;
        }
        float scale = suml2 != 0 ? sumlx / suml2 : 0f;
        float best = scale * sumlx;
        for (int is = -9; is <= 9; is++) {
            if (is == 0) {
                continue;
            }
            iscale = -(nmax + 0.1f * is) / max;
            sumlx = 0;
            suml2 = 0;
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                int l = clamp(nearestInt(iscale * v), nmax);
                float w = v * v;
                sumlx += w * v * l;
                suml2 += w * l * l;
            }
            if (suml2 > 0 && sumlx * sumlx > best * suml2) {
                for (int i = 0; i < n; i++) {
                    levels[lo + i] = nmax + clamp(nearestInt(iscale * x[xo + i]), nmax);
                }
                scale = sumlx / suml2;
                best = scale * sumlx;
            }
        }
        return scale;
    }

    private static int clamp(int l, int nmax) {
        return Math.max(-nmax, Math.min(nmax - 1, l));
    }

    private static float error(float diff, boolean absolute) {
        return absolute ? Math.abs(diff) : diff * diff;
    }

    /**
     * ggml's {@code make_qkx2_quants} (absolute or squared error): an asymmetric scale and min for {@code n} values
     * quantized to [0, nmax], refined by weighted least squares over {@code nstep + 1} trial scales
     * {@code (nmax + rmin + 0.1 * step) / (max - min)}. Writes the levels to {@code levels[lo..lo+n)}, the
     * (non-negative) min to {@code mins[m]}, and returns the scale.
     */
    static float asymmetric(int n, int nmax, float[] x, int xo, float[] weights, int[] levels, int lo,
                            float[] mins, int m, float rmin, int nstep, boolean absoluteError) {
        float min = x[xo];
        float max = x[xo];
        float sumW = weights[0];
        float sumX = sumW * x[xo];
        for (int i = 1; i < n; i++) {
            float v = x[xo + i];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            sumW += weights[i];
            sumX += weights[i] * v;
        }
        if (min > 0) {
            min = 0;
        }
        if (max == min) {
            java.util.Arrays.fill(levels, lo, lo + n, 0);
            mins[m] = -min;
            return 0f;
        }
        float iscale = nmax / (max - min);
        float scale = 1 / iscale;
        float bestError = 0;
        for (int i = 0; i < n; i++) {
            int l = Math.max(0, Math.min(nmax, nearestInt(iscale * (x[xo + i] - min))));
            levels[lo + i] = l;
            bestError += weights[i] * error(scale * l + min - x[xo + i], absoluteError);
        }
        int[] trial = new int[n];
        for (int is = 0; is <= nstep; is++) {
            iscale = (rmin + 0.1f * is + nmax) / (max - min);
            float sumL = 0;
            float sumL2 = 0;
            float sumXL = 0;
            for (int i = 0; i < n; i++) {
                int l = Math.max(0, Math.min(nmax, nearestInt(iscale * (x[xo + i] - min))));
                trial[i] = l;
                float w = weights[i];
                sumL += w * l;
                sumL2 += w * l * l;
                sumXL += w * l * x[xo + i];
            }
            float det = sumW * sumL2 - sumL * sumL;
            if (det > 0) {
                float thisScale = (sumW * sumXL - sumX * sumL) / det;
                float thisMin = (sumL2 * sumX - sumL * sumXL) / det;
                if (thisMin > 0) {
                    thisMin = 0;
                    thisScale = sumXL / sumL2;
                }
                float error = 0;
                for (int i = 0; i < n; i++) {
                    error += weights[i] * error(thisScale * trial[i] + thisMin - x[xo + i], absoluteError);
                }
                if (error < bestError) {
                    System.arraycopy(trial, 0, levels, lo, n);
                    bestError = error;
                    scale = thisScale;
                    min = thisMin;
                }
            }
        }
        mins[m] = -min;
        return scale;
    }

    /**
     * The common part of ggml's {@code quantize_row_q4_K_ref} and {@code quantize_row_q5_K_ref}: a scale
     * and min per 32 values, both stored as 6 bits of fp16 super-block steps ({@code d}, {@code dmin} and
     * the 12 packed bytes at {@code block}), then every value's level in [0, nmax] against the stored steps.
     */
    static void scalesAndMins(float[] x, int xo, int nmax, float rmin, int nstep, MemorySegment out, long block,
                              int[] levels) {
        float[] scales = new float[8];
        float[] mins = new float[8];
        float[] weights = new float[32];
        float maxScale = 0;
        float maxMin = 0;
        for (int j = 0; j < 8; j++) {
            int at = xo + 32 * j;
            float sumX2 = 0;
            for (int l = 0; l < 32; l++) {
                sumX2 += x[at + l] * x[at + l];
            }
            float avX = (float) Math.sqrt(sumX2 / 32);
            for (int l = 0; l < 32; l++) {
                weights[l] = avX + Math.abs(x[at + l]);
            }
            scales[j] = asymmetric(32, nmax, x, at, weights, levels, 32 * j, mins, j, rmin, nstep, false);
            maxScale = Math.max(maxScale, scales[j]);
            maxMin = Math.max(maxMin, mins[j]);
        }
        float invScale = maxScale > 0 ? 63f / maxScale : 0f;
        float invMin = maxMin > 0 ? 63f / maxMin : 0f;
        byte[] packed = new byte[12];
        for (int j = 0; j < 8; j++) {
            int ls = Math.min(63, nearestInt(invScale * scales[j]) & 0xFF);
            int lm = Math.min(63, nearestInt(invMin * mins[j]) & 0xFF);
            if (j < 4) {
                packed[j] = (byte) ls;
                packed[j + 4] = (byte) lm;
            } else {
                packed[j + 4] = (byte) ((ls & 0xF) | (lm & 0xF) << 4);
                packed[j - 4] |= (byte) ((ls >> 4) << 6);
                packed[j] |= (byte) ((lm >> 4) << 6);
            }
        }
        short d = Float.floatToFloat16(maxScale / 63f);
        short dmin = Float.floatToFloat16(maxMin / 63f);
        out.set(LittleEndian.SHORT, block, d);
        out.set(LittleEndian.SHORT, block + 2, dmin);
        MemorySegment.copy(packed, 0, out, java.lang.foreign.ValueLayout.JAVA_BYTE, block + 4, 12);
        int w0 = out.get(LittleEndian.INT, block + 4);
        int w1 = out.get(LittleEndian.INT, block + 8);
        int w2 = out.get(LittleEndian.INT, block + 12);
        for (int j = 0; j < 8; j++) {
            float step = Float.float16ToFloat(d) * PackedScales.scale(w0, w1, w2, j);
            if (step == 0) {
                continue;
            }
            float offset = Float.float16ToFloat(dmin) * PackedScales.min(w0, w1, w2, j);
            for (int i = 32 * j; i < 32 * j + 32; i++) {
                levels[i] = Math.max(0, Math.min(nmax, nearestInt((x[xo + i] + offset) / step)));
            }
        }
    }

    /**
     * ggml's {@code make_q3_quants} with its rmse refinement: a symmetric scale for {@code n} values in
     * [-nmax, nmax), then up to five passes that move single levels while that lowers the x²-weighted
     * error. Writes the levels ({@code l + nmax}) to {@code levels[lo..lo+n)} and returns the scale.
     */
    static float symmetricRefined(int n, int nmax, float[] x, int xo, int[] levels, int lo) {
        float max = QuantizingBlockKernel.signedAbsMax(x, xo, n);
        if (Math.abs(max) < GROUP_MAX_EPS) {
            java.util.Arrays.fill(levels, lo, lo + n, 0);
            return 0f;
        }
        float iscale = -nmax / max;
        float sumlx = 0;
        float suml2 = 0;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * v)));
            levels[lo + i] = l;
            float w = v * v;
            sumlx += w * v * l;
            suml2 += w * l * l;
        }
        for (int pass = 0; pass < 5; pass++) {
            int changed = 0;
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                float w = v * v;
                int old = levels[lo + i];
                float slx = sumlx - w * v * old;
                if (slx > 0) {
                    float sl2 = suml2 - w * old * old;
                    int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(v * sl2 / slx)));
                    if (l != old) {
                        slx += w * v * l;
                        sl2 += w * l * l;
                        if (sl2 > 0 && slx * slx * suml2 > sumlx * sumlx * sl2) {
                            levels[lo + i] = l;
                            sumlx = slx;
                            suml2 = sl2;
                            changed++;
                        }
                    }
                }
            }
            if (changed == 0) {
                break;
            }
        }
        for (int i = lo; i < lo + n; i++) {
            levels[i] += nmax;
        }
        return sumlx / suml2;
    }
}
