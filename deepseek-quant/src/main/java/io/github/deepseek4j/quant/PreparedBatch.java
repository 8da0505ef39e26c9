package io.github.deepseek4j.quant;

import java.util.Objects;

/**
 * Several activation vectors of equal length, stored {@link #stride()} floats apart in one array (a prefill
 * batch), each made ready for {@link RowKernel#dotRows} once and then shared by every row and thread. A
 * kernel that computes a whole batch at once (a matrix product) reads the floats as one row-major matrix;
 * the others take the tokens one by one. Valid while the floats are unchanged.
 */
public final class PreparedBatch {

    private final float[] floats;
    private final int offset;
    private final int stride;
    private final PreparedActivations[] tokens;

    /**
     * @param tokens token {@code t} prepared from {@code x[offset + t*stride ..]}, all of one length
     * @throws IllegalArgumentException when a token is not where the layout puts it
     */
    PreparedBatch(float[] x, int offset, int stride, PreparedActivations[] tokens) {
        for (int t = 0; t < tokens.length; t++) {
            PreparedActivations token = tokens[t];
            if (token.floats() != x || token.offset() != offset + t * stride || token.length() != tokens[0].length()) {
                throw new IllegalArgumentException("token " + t + " is not x[" + (offset + t * stride) + "..]");
            }
        }
        this.floats = Objects.requireNonNull(x, "x");
        this.offset = offset;
        this.stride = stride;
        this.tokens = tokens.clone();
    }

    /** Number of tokens. */
    public int size() {
        return tokens.length;
    }

    /** Token {@code t}, as the kernel prepared it. */
    public PreparedActivations token(int t) {
        return tokens[t];
    }

    /** Activations per token. */
    public int length() {
        return tokens.length == 0 ? 0 : tokens[0].length();
    }

    /** The array holding every token's original activations. */
    public float[] floats() {
        return floats;
    }

    /** Where token 0 starts in {@link #floats()}. */
    public int offset() {
        return offset;
    }

    /** Floats from one token's start to the next one's. */
    public int stride() {
        return stride;
    }
}
