package io.github.deepseek4j.quant.scalar;

/**
 * ggml's {@code kvalues_iq4nl}: the 16 levels of IQ4_NL and IQ4_XS, spaced for normally distributed
 * weights. Shared with the Vector API kernels.
 */
public final class Iq4Codebook {

    private static final byte[] LEVELS = {-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113};

    private Iq4Codebook() {
    }

    /** The level of a 4-bit index (0..15). */
    public static int level(int index) {
        return LEVELS[index];
    }
}
