package io.github.deepseek4j.quant.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * ggml's {@code quantize_row_iq4_nl_impl} without an importance matrix, shared by IQ4_NL (one block of
 * 32) and IQ4_XS (eight blocks of 32 under a super-block scale): per block, an x²-weighted
 * least-squares scale over 15 trial scales against the non-linear {@link Iq4Codebook} levels.
 */
final class Iq4Search {

    private static final int TRIES = 7;

    private Iq4Search() {
    }

    /**
     * Quantizes {@code 32 * blocks} values. Writes the fp16 scale at {@code dAt}, the nibbles at
     * {@code qsAt} and, when {@code blocks > 1}, the 6-bit block scales at {@code scalesAt} (uint16 of
     * high bits, then the low nibbles).
     */
    static void quantize(float[] x, int xo, int blocks, MemorySegment out, long dAt, long scalesAt, long qsAt) {
        int n = 32 * blocks;
        int[] levels = new int[n];
        float[] scales = new float[blocks];
        float maxScale = 0;
        float amaxScale = 0;
        for (int ib = 0; ib < blocks; ib++) {
            scales[ib] = blockScale(x, xo + 32 * ib);
            if (Math.abs(scales[ib]) > amaxScale) {
                amaxScale = Math.abs(scales[ib]);
                maxScale = scales[ib];
            }
        }
        if (blocks > 1) {
            float d = -maxScale / 32;
            out.set(LittleEndian.SHORT, dAt, Float.floatToFloat16(d));
            float id = d != 0 ? 1 / d : 0f;
            int high = 0;
            byte[] low = new byte[blocks / 2];
            for (int ib = 0; ib < blocks; ib++) {
                int l = Math.max(-32, Math.min(31, ScaleSearch.nearestInt(id * scales[ib])));
                float dl = d * l;
                float idl = dl != 0 ? 1 / dl : 0f;
                for (int j = 0; j < 32; j++) {
                    levels[32 * ib + j] = nearestLevel(idl * x[xo + 32 * ib + j]);
                }
                l += 32;
                low[ib / 2] |= (byte) ((l & 0xF) << 4 * (ib % 2));
                high |= (l >> 4) << 2 * ib;
            }
            out.set(LittleEndian.SHORT, scalesAt, (short) high);
            MemorySegment.copy(low, 0, out, ValueLayout.JAVA_BYTE, scalesAt + 2, low.length);
        } else {
            out.set(LittleEndian.SHORT, dAt, Float.floatToFloat16(scales[0]));
            float id = scales[0] != 0 ? 1 / scales[0] : 0f;
            for (int j = 0; j < 32; j++) {
                levels[j] = nearestLevel(id * x[xo + j]);
            }
        }
        for (int i = 0; i < blocks; i++) {
            for (int j = 0; j < 16; j++) {
                int packed = levels[32 * i + j] | levels[32 * i + 16 + j] << 4;
                out.set(ValueLayout.JAVA_BYTE, qsAt + 16L * i + j, (byte) packed);
            }
        }
    }

    /** The least-squares scale of the 32 values at {@code xo}, best of the trial scales around -max/127. */
    private static float blockScale(float[] x, int xo) {
        float max = QuantizingBlockKernel.signedAbsMax(x, xo, 32);
        if (Math.abs(max) < ScaleSearch.GROUP_MAX_EPS) {
            return 0f;
        }
        int first = Iq4Codebook.level(0);
        float d = -max / first;
        float[] sums = new float[2];
        weightedSums(x, xo, 1 / d, sums);
        d = sums[0] / sums[1];
        float best = d * sums[0];
        for (int t = -TRIES; t <= TRIES; t++) {
            weightedSums(x, xo, (t + first) / max, sums);
            float sumqx = sums[0];
            float sumq2 = sums[1];
            if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
                d = sumqx / sumq2;
                best = d * sumqx;
            }
        }
        return d;
    }

    /** For inverse scale {@code id}: sums[0] = Σ x²·q·x and sums[1] = Σ x²·q² over the nearest levels q. */
    private static void weightedSums(float[] x, int xo, float id, float[] sums) {
        float sumqx = 0;
        float sumq2 = 0;
        for (int j = 0; j < 32; j++) {
            float v = x[xo + j];
            float q = Iq4Codebook.level(nearestLevel(id * v));
            float w = v * v;
            sumqx += w * q * v;
            sumq2 += w * q * q;
        }
        sums[0] = sumqx;
        sums[1] = sumq2;
    }

    /** ggml's {@code best_index_int8}: the index of the level nearest {@code v} (the lower one on ties). */
    static int nearestLevel(float v) {
        if (v <= Iq4Codebook.level(0)) {
            return 0;
        }
        if (v >= Iq4Codebook.level(15)) {
            return 15;
        }
        int lo = 0;
        int hi = 15;
        while (hi - lo > 1) {
            int mid = (lo + hi) / 2;
            if (v < Iq4Codebook.level(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return v - Iq4Codebook.level(hi - 1) < Iq4Codebook.level(hi) - v ? hi - 1 : hi;
    }
}
