package io.github.deepseek4j.quant.scalar;

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
        float max = 0;
        float amax = 0;
        for (int i = 0; i < n; i++) {
            float ax = Math.abs(x[xo + i]);
            if (ax > amax) {
                amax = ax;
                max = x[xo + i];
            }
        }
        if (amax < GROUP_MAX_EPS) {
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
}
