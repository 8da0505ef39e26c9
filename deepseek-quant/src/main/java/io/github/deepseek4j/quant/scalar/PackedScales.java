package io.github.deepseek4j.quant.scalar;

/**
 * The 12 bytes of packed 6-bit scales in k-quant super-blocks, read as three little-endian words
 * {@code w0, w1, w2} (bytes 0-3, 4-7, 8-11). Pure arithmetic, shared with the Vector API kernels.
 *
 * <p>Q4_K and Q5_K hold eight (scale, min) pairs (ggml's {@code get_scale_min_k4}): pairs 0-3 are the
 * low 6 bits of bytes 0-3 (scales) and 4-7 (mins); pairs 4-7 take their low nibbles from bytes 8-11
 * and their top 2 bits from the spare top bits of bytes 0-7.
 *
 * <p>Q3_K holds sixteen scales: scale i has low nibble {@code byte[i % 8] >> 4 * (i / 8)} and top two
 * bits {@code byte[8 + i % 4] >> 2 * (i / 4)} (ggml's {@code kmask1/kmask2} shuffle).
 */
public final class PackedScales {

    private PackedScales() {
    }

    public static int scale(int w0, int w1, int w2, int j) {
        return j < 4
                ? (w0 >>> 8 * j) & 63
                : (w2 >>> 8 * (j - 4)) & 0xF | ((w0 >>> 8 * (j - 4) + 6) & 3) << 4;
    }

    public static int min(int w0, int w1, int w2, int j) {
        return j < 4
                ? (w1 >>> 8 * j) & 63
                : (w2 >>> 8 * (j - 4) + 4) & 0xF | ((w1 >>> 8 * (j - 4) + 6) & 3) << 4;
    }

    /** Q3_K's 6-bit scale {@code i} (0..15), before the -32 offset. */
    public static int q3Scale(int w0, int w1, int w2, int i) {
        int lowWord = i % 8 < 4 ? w0 : w1;
        int low = (lowWord >>> 8 * (i % 4) + 4 * (i / 8)) & 0xF;
        int high = (w2 >>> 8 * (i % 4) + 2 * (i / 4)) & 3;
        return low | high << 4;
    }
}
