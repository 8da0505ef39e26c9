package io.github.deepseek4j.quant.scalar;

/**
 * The 12 bytes holding eight 6-bit (scale, min) pairs of Q4_K and Q5_K super-blocks (ggml's
 * {@code get_scale_min_k4}), read as three little-endian words {@code w0, w1, w2} (bytes 0-3, 4-7,
 * 8-11). Pairs 0-3 are the low 6 bits of bytes 0-3 (scales) and 4-7 (mins); pairs 4-7 take their low
 * nibbles from bytes 8-11 and their top 2 bits from the spare top bits of bytes 0-7.
 * Pure arithmetic, shared with the Vector API kernels.
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
}
